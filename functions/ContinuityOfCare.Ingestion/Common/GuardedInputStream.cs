using System.Text;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// A read-only pass-through that enforces the whole-file rules while the bytes stream by, so no parser has to load a
/// file to check it (docs/formats.md "Common rules"): more than the size cap read → <see cref="UnreadableFileException"/> (for
/// streams whose length is not known up front; seekable ones are checked before reading by
/// <see cref="FileChecks.CheckLengthUpFront"/>); bytes that are not UTF-8 → <see cref="UnreadableFileException"/>.
/// A UTF-8 byte order mark is valid UTF-8 and passes through; a UTF-16 one does not.
/// </summary>
internal sealed class GuardedInputStream(Stream inner, long maxBytes) : Stream
{
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Check(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Check(ReadOnlySpan<byte> bytes)
    {
        _read += bytes.Length;
        if (_read > maxBytes)
        {
            throw new UnreadableFileException(FileChecks.TooLarge(maxBytes));
        }

        try
        {
            // flush: true only at the end, so a character split across two reads is carried over.
            _utf8.GetCharCount(bytes, flush: bytes.IsEmpty);
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableFileException(FileChecks.NotUtf8);
        }
    }
}
