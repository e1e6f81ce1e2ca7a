using System.Text.Json;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// The loops every capture of a sitting shares (<see cref="MagistratesSittingReader"/>, <see cref="CrownSittingReader"/>):
/// an object's properties handed one by one to a <see cref="PropertyCapture{T}"/>, and an object-valued property read
/// as such. Each returns false when the buffered bytes end first, so the caller reads the sitting again with more.
/// </summary>
internal static class JsonCapture
{
    /// <summary>On an object's <see cref="JsonTokenType.StartObject"/>: every property to <paramref name="property"/>, up to the object's end.</summary>
    public static bool TryCaptureProperties<T>(ref Utf8JsonReader reader, T node, PropertyCapture<T> property)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            if (!property(ref reader, node))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// On an object-valued property's name: an object's properties go to <paramref name="property"/>; any other value
    /// is skipped. <paramref name="token"/> is the value's first token, so the caller can tell absent, null and wrong
    /// types apart.
    /// </summary>
    public static bool TryCaptureObject<T>(ref Utf8JsonReader reader, T node, PropertyCapture<T> property, out JsonTokenType token)
    {
        if (!reader.Read())
        {
            token = JsonTokenType.None;
            return false;
        }

        token = reader.TokenType;
        return token == JsonTokenType.StartObject ? TryCaptureProperties(ref reader, node, property) : reader.TrySkip();
    }
}
