using System.Text.Json;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// An array-valued field captured while a sitting is read, as <see cref="JsonFields.ArrayError"/> reads it: absent (or
/// null), not an array, or its elements — a captured node for each object element, null for any other element.
/// Reused from sitting to sitting, with its own nodes (<see cref="CaptureNodes{T}"/>).
/// </summary>
internal sealed class CapturedArray<T>
    where T : class, ICapturedNode, new()
{
    private readonly CaptureNodes<T> _nodes = new();

    /// <summary>The field's token type: <see cref="JsonTokenType.None"/> when absent, <see cref="JsonTokenType.StartArray"/> for an array.</summary>
    public JsonTokenType Token { get; set; }

    /// <summary>The elements in order (null where an element is not an object); empty unless the field is an array.</summary>
    public List<T?> Items { get; } = [];

    public void Clear()
    {
        Token = JsonTokenType.None;
        Items.Clear();
        _nodes.Reset();
    }

    /// <summary>
    /// On the field's property name: reads its value — each object element's properties to <paramref name="property"/>
    /// in a node of its own, null for any other element; a value that is not an array is only skipped.
    /// </summary>
    public bool TryCapture(ref Utf8JsonReader reader, PropertyCapture<T> property)
    {
        Clear();
        if (!reader.Read())
        {
            return false;
        }

        Token = reader.TokenType;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return reader.TrySkip();
        }

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

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Items.Add(null);
                if (!reader.TrySkip())
                {
                    return false;
                }

                continue;
            }

            var node = _nodes.Take();
            Items.Add(node);
            if (!JsonCapture.TryCaptureProperties(ref reader, node, property))
            {
                return false;
            }
        }
    }
}
