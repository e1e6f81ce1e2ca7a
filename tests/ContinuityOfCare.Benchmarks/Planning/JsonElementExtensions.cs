using System.Text.Json;

namespace ContinuityOfCare.Benchmarks.Planning;

/// <summary>A helper so the baseline touches its result (no dead-code elimination).</summary>
internal static class JsonElementExtensions
{
    public static int GetArrayLength(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;
}
