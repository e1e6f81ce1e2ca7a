using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Writes a NodaTime <see cref="Instant"/> as ISO-8601 UTC text (<c>2026-12-29T09:00:00Z</c>); reads that, any ISO-8601
/// offset, or a local time read as Europe/London (<see cref="LondonTime.TryParse"/>).
/// </summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return LondonTime.TryParse(text, out var instant, out _)
            ? instant
            : throw new JsonException("An instant must be ISO-8601 text such as 2026-12-29T09:00:00Z (a time without an offset is read as Europe/London).");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}
