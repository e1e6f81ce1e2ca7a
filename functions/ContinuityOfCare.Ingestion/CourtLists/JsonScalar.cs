using System.Text.Json;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// The value of a field read as text, captured while a sitting is read (<see cref="JsonFields.TryReadScalar"/>): its
/// token type (<see cref="JsonTokenType.None"/> when the field is absent) and, for a string, its unescaped value, or,
/// for a number, its raw text. Objects and arrays keep only their token type.
/// </summary>
internal readonly struct JsonScalar
{
    private readonly string? _text;
    private readonly bool _undecodable;

    /// <param name="token">The value's token type.</param>
    /// <param name="text">A string's value or a number's raw text.</param>
    /// <param name="undecodable">A string that is not text (an escaped lone surrogate): it refuses the file only if it is used.</param>
    public JsonScalar(JsonTokenType token, string? text, bool undecodable = false)
    {
        Token = token;
        _text = text;
        _undecodable = undecodable;
    }

    public JsonTokenType Token { get; }

    /// <summary>True when the field is given with a value other than null (the fields' "absent" is absent or null).</summary>
    public bool IsPresent => Token is not (JsonTokenType.None or JsonTokenType.Null);

    /// <summary>True for a string that cannot be decoded (<see cref="Text"/> refuses the file).</summary>
    public bool IsUndecodable => _undecodable;

    /// <summary>
    /// The string's value or the number's raw text. A string that cannot be decoded refuses the file, as
    /// <see cref="JsonStreamWalker"/> does for any value it cannot decode — but only when it is used, so a bad value in
    /// a field the reader passes over costs nothing.
    /// </summary>
    public string? Text => _undecodable ? throw new UnreadableFileException(FileChecks.NotUtf8) : _text;

    /// <summary>The string value <paramref name="reader"/> is on, or an undecodable marker.</summary>
    public static JsonScalar OfString(ref Utf8JsonReader reader)
    {
        try
        {
            return new JsonScalar(JsonTokenType.String, reader.GetString());
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: valid JSON, but no text (the guard stream has already checked the raw UTF-8).
            return new JsonScalar(JsonTokenType.String, null, undecodable: true);
        }
    }
}
