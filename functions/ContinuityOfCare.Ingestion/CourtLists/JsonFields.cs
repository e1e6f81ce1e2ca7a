using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// Tolerant reads of court list JSON fields, in one forward pass over a sitting's tokens: values are captured as
/// their properties go by (<see cref="TryReadScalar"/>), then read as text (<see cref="Text"/>): a value of the wrong
/// type is a warning, never a crash. A property given twice counts once, with its last value, as a JSON object
/// lookup reads it; property names are compared unescaped.
/// </summary>
internal static class JsonFields
{
    /// <summary>
    /// A text field: a string (cleaned; blank → null) or a number's digits. Any other type is a warning
    /// ("<paramref name="label"/> ignored: not text") and null; absent or null is null.
    /// </summary>
    public static string? Text(in JsonScalar value, string label, RecordProblems? problems)
    {
        switch (value.Token)
        {
            case JsonTokenType.None:
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return RecordProblems.Clean(value.Text);
            case JsonTokenType.Number:
                return value.Text;
            default:
                problems?.Warn($"{label} ignored: not text");
                return null;
        }
    }

    /// <summary>The error for an array field that is neither absent (or null) nor an array: <c>name is not an array</c>.</summary>
    public static string? ArrayError<T>(CapturedArray<T> array, string name)
        where T : class, ICapturedNode, new() =>
        array.Token is JsonTokenType.None or JsonTokenType.Null or JsonTokenType.StartArray ? null : $"{name} is not an array";

    /// <summary>Path of an array element: <c>parent.name[index]</c>.</summary>
    public static string Item(string parentPath, string name, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parentPath}.{name}[{index}]");

    /// <summary>
    /// With <paramref name="reader"/> on a property name: reads the property's value (skipping an object's or array's
    /// contents). False when the bytes end first (the caller reads the sitting again once more are in).
    /// </summary>
    public static bool TryReadScalar(ref Utf8JsonReader reader, out JsonScalar value)
    {
        if (!reader.Read())
        {
            value = default;
            return false;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = JsonScalar.OfString(ref reader);
                return true;
            case JsonTokenType.Number:
                value = new JsonScalar(JsonTokenType.Number, Encoding.UTF8.GetString(reader.ValueSpan));
                return true;
            default:
                value = new JsonScalar(reader.TokenType, null);
                return reader.TrySkip();
        }
    }

    /// <summary>
    /// With <paramref name="reader"/> on an array's start: adds its string elements, cleaned, to
    /// <paramref name="parts"/> (blank ones and other values left out); with <paramref name="firstOnly"/>, stops
    /// decoding after the first. A string that cannot be decoded sets <paramref name="undecodable"/> and ends the
    /// decoding (see <see cref="JsonScalar.Text"/>). False when the bytes end first.
    /// </summary>
    public static bool TryReadTextParts(ref Utf8JsonReader reader, List<string> parts, bool firstOnly, out bool undecodable)
    {
        undecodable = false;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return true;
            }

            if (reader.TokenType == JsonTokenType.String && !(firstOnly && parts.Count > 0) && !undecodable)
            {
                var value = JsonScalar.OfString(ref reader);
                if (value.IsUndecodable)
                {
                    undecodable = true;
                }
                else if (RecordProblems.Clean(value.Text) is { } part)
                {
                    parts.Add(part);
                }
            }
            else if (!reader.TrySkip())
            {
                return false;
            }
        }
    }
}
