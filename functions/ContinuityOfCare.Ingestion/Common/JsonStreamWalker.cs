using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Walks a JSON document from a stream with <see cref="Utf8JsonReader"/>, tracking the JSON path, and hands its client
/// only the values it asks for: a scalar's text, or a whole value read by the client's <see cref="JsonElementReader"/>
/// straight off the same reader (one pass over the bytes, no document). Hand-written, not deserialized, because court
/// lists are large: memory stays bounded by the largest record, not the file (docs/benchmarks.md "Planning: court list
/// vs register"): the buffer holds the current token or the current requested element, never the file.
/// A UTF-8 byte order mark is skipped. Whole-file problems from the stream (<see cref="UnreadableFileException"/>)
/// propagate to the caller.
/// </summary>
internal sealed class JsonStreamWalker
{
    /// <summary>The largest buffer one token may need: far above any real court-list value (a sitting's longest string is a few KB).</summary>
    internal const int MaxBufferBytes = 16 * 1024 * 1024;

    // Large enough that most requested elements (a Magistrates sitting of ~100 defendants is ~50 KB) lie wholly in the
    // buffer: an element cut by the buffer's end is read up to the cut, then again from its start once more bytes
    // are in (docs/benchmarks.md "Planning: court list vs register"). Still one buffer, growing only for a larger element.
    private const int InitialBufferSize = 1024 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly Func<IReadOnlyList<JsonFrame>, JsonInterest> _interest;
    private readonly JsonElementReader _readElement;
    private readonly List<JsonFrame> _frames = [];
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private bool _sawToken;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });

    /// <param name="stream">The input (already guarded for size and encoding).</param>
    /// <param name="interest">
    /// Called for each value about to be read, with the open containers (outermost first): the last frame is the
    /// value's parent. It may record what it needs from the frames (e.g. an array index).
    /// </param>
    /// <param name="readElement">Reads a value the client asked for as <see cref="JsonInterest.Element"/>.</param>
    public JsonStreamWalker(Stream stream, Func<IReadOnlyList<JsonFrame>, JsonInterest> interest, JsonElementReader readElement)
    {
        _stream = stream;
        _interest = interest;
        _readElement = readElement;
    }

    /// <summary>The JSON path of the value the open containers point at, e.g. <c>$.courtLists[0].courtHouse</c>.</summary>
    public static string PathOf(IReadOnlyList<JsonFrame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index < 0 ? 0 : frame.Index).Append(']');
            }
            else if (frame.Name is not null)
            {
                path.Append('.').Append(frame.Name);
            }
        }

        return path.ToString();
    }

    /// <summary>True when the open containers spell <paramref name="pattern"/>: property names, with "[]" for an array.</summary>
    public static bool Matches(IReadOnlyList<JsonFrame> frames, ReadOnlySpan<string> pattern)
    {
        if (frames.Count != pattern.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var frame = frames[i];
            if (frame.IsArray ? pattern[i] != "[]" : !string.Equals(pattern[i], frame.Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads on to the next event the client asked for, the end, or the point where the JSON breaks.</summary>
    public async ValueTask<JsonWalkEvent> NextAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            await FillAsync(cancellationToken).ConfigureAwait(false);
            while (!_final && _end < Utf8Bom.Length)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_buffer.AsSpan(0, _end).StartsWith(Utf8Bom))
            {
                _start = Utf8Bom.Length;
            }
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var walkEvent = Step(out var needMore);
            if (!needMore)
            {
                return walkEvent;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private JsonWalkEvent Step(out bool needMore)
    {
        needMore = false;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            while (true)
            {
                var checkpoint = reader.BytesConsumed;
                var checkpointState = reader.CurrentState;
                if (!reader.Read())
                {
                    Commit(checkpoint, checkpointState);
                    if (_final)
                    {
                        return new JsonWalkEvent(_sawToken ? JsonWalkEventKind.End : JsonWalkEventKind.Empty, "$");
                    }

                    needMore = true;
                    return default;
                }

                _sawToken = true;
                var top = _frames.Count > 0 ? _frames[^1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        top!.Name = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        _frames.RemoveAt(_frames.Count - 1);
                        continue;
                }

                // A value starts: it is the next element of an array parent.
                if (top is { IsArray: true })
                {
                    top.Index++;
                }

                var interest = _interest(_frames);
                if (interest == JsonInterest.Element)
                {
                    // The client reads the value off this reader; malformed JSON inside it throws here, as a skip would.
                    if (!_readElement(ref reader))
                    {
                        if (top is { IsArray: true })
                        {
                            top.Index--;
                        }

                        Commit(checkpoint, checkpointState);
                        needMore = true;
                        return default;
                    }

                    var path = PathOf(_frames);
                    Commit(reader.BytesConsumed, reader.CurrentState);
                    return new JsonWalkEvent(JsonWalkEventKind.Element, path);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    _frames.Add(new JsonFrame(reader.TokenType == JsonTokenType.StartArray));
                    continue;
                }

                if (interest == JsonInterest.Scalar)
                {
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
                    var path = PathOf(_frames);
                    var tokenType = reader.TokenType;
                    Commit(reader.BytesConsumed, reader.CurrentState);
                    return new JsonWalkEvent(JsonWalkEventKind.Scalar, path, Text: text, TokenType: tokenType);
                }
            }
        }
        catch (JsonException ex)
        {
            if (!_sawToken && _final && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
            {
                // Utf8JsonReader reports "no tokens" as malformed JSON; for the reader of a file it is an empty file.
                return new JsonWalkEvent(JsonWalkEventKind.Empty, "$");
            }

            _final = true;
            _start = _end;
            return new JsonWalkEvent(JsonWalkEventKind.Malformed, PathOf(_frames), Line: (ex.LineNumber ?? 0) + 1);
        }
        catch (InvalidOperationException)
        {
            // GetString on text that is not valid UTF-8 (the guard stream normally reports this first).
            throw new UnreadableFileException(FileChecks.NotUtf8);
        }
    }

    private void Commit(long consumed, JsonReaderState state)
    {
        _start += checked((int)consumed);
        _state = state;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One token (or a run of whitespace) that does not fit grows the buffer; without a bound, a hostile file of
            // one 200 MB string would make it 256 MB before the size cap is noticed.
            if (_buffer.Length >= MaxBufferBytes)
            {
                throw new UnreadableFileException(string.Create(CultureInfo.InvariantCulture,
                    $"a single JSON value or gap between values is larger than {FileChecks.FormatBytes(MaxBufferBytes)}"));
            }

            Array.Resize(ref _buffer, Math.Min(checked(_buffer.Length * 2), MaxBufferBytes));
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _final = true;
        }
        else
        {
            _end += read;
        }
    }
}
