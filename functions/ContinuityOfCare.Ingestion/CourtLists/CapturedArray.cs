using System.Text.Json;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// An array-valued field captured while a sitting is read, as <see cref="JsonFields.ArrayError"/> reads it: absent (or
/// null), not an array, or its elements — a captured node for each object element, null for any other element.
/// Reused from sitting to sitting.
/// </summary>
internal sealed class CapturedArray<T>
    where T : class
{
    /// <summary>The field's token type: <see cref="JsonTokenType.None"/> when absent, <see cref="JsonTokenType.StartArray"/> for an array.</summary>
    public JsonTokenType Token { get; set; }

    /// <summary>The elements in order (null where an element is not an object); empty unless the field is an array.</summary>
    public List<T?> Items { get; } = [];

    public void Clear()
    {
        Token = JsonTokenType.None;
        Items.Clear();
    }
}
