using System.Globalization;
using System.Text.Json;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>Tolerant reads of court list JSON fields: a value of the wrong type is a warning, never a crash.</summary>
internal static class JsonFields
{
    /// <summary>The property when <paramref name="element"/> is an object that has it with a non-null value.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty(name, out value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    /// <summary>
    /// A text field: a string (cleaned; blank → null) or a number's digits. Any other type is a warning
    /// ("<paramref name="label"/> ignored: not text") and null.
    /// </summary>
    public static string? Text(JsonElement element, string name, string label, RecordProblems? problems)
    {
        if (!TryGet(element, name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return RecordProblems.Clean(value.GetString());
            case JsonValueKind.Number:
                return value.GetRawText();
            default:
                problems?.Warn($"{label} ignored: not text");
                return null;
        }
    }

    /// <summary>The array at <paramref name="name"/>, or null when absent; not an array → an error message.</summary>
    public static (JsonElement? Array, string? Error) Array(JsonElement element, string name)
    {
        if (!TryGet(element, name, out var value))
        {
            return (null, null);
        }

        return value.ValueKind == JsonValueKind.Array ? (value, null) : (null, $"{name} is not an array");
    }

    /// <summary>Path of an array element: <c>parent.name[index]</c>.</summary>
    public static string Item(string parentPath, string name, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parentPath}.{name}[{index}]");
}
