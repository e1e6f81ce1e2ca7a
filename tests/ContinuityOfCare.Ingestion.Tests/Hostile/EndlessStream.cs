namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>
/// A read-only stream of <paramref name="head"/> followed by <paramref name="body"/> repeated up to
/// <paramref name="length"/> bytes, generated as it is read (a 200 MB file without 200 MB of memory). Not seekable
/// unless <paramref name="seekable"/>, so a parser cannot check its length up front and must stop at its cap itself.
/// </summary>
internal sealed class EndlessStream(byte[] head, byte[] body, long length, bool seekable) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? length : throw new NotSupportedException();

    /// <summary>How many bytes the parser took before it stopped.</summary>
    public long BytesRead => _position;

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < length)
        {
            buffer[written++] = _position < head.Length ? head[_position] : body[(_position - head.Length) % body.Length];
            _position++;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
