using System.Globalization;
using System.Text.Json;
using Azure;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// Entity JSON for the Table service ("Payload format for Table service operations"): values that JSON cannot carry
/// unambiguously are written as strings with a <c>Name@odata.type</c> annotation (Edm.Int64, Edm.DateTime, Edm.Guid,
/// Edm.Binary, and Edm.Double always, so 2.0 stays a double); annotations on read restore the exact type.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    /// <summary>Writes the entity's keys and named properties (Timestamp and ETag are the service's, never written).</summary>
    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, entity);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the entity as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", entity.PartitionKey);
        writer.WriteString("RowKey", entity.RowKey);
        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string text:
                    writer.WriteString(name, text);
                    break;
                case bool flag:
                    writer.WriteBoolean(name, flag);
                    break;
                case int number:
                    writer.WriteNumber(name, number);
                    break;
                case long number:
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    writer.WriteString(name, number.ToString(CultureInfo.InvariantCulture));
                    break;
                case double number:
                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    if (double.IsFinite(number))
                    {
                        writer.WriteNumber(name, number);
                    }
                    else
                    {
                        writer.WriteString(name, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                    }

                    break;
                case Guid guid:
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    writer.WriteString(name, guid.ToString("D"));
                    break;
                case DateTimeOffset instant:
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    writer.WriteString(name, EdmFormat.DateTime(instant));
                    break;
                case byte[] bytes:
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    writer.WriteString(name, Convert.ToBase64String(bytes));
                    break;
                default:
                    // TableEntity's setter admits only the types above.
                    throw new InvalidOperationException($"Unsupported property type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one entity object (minimal or no metadata).</summary>
    /// <exception cref="FormatException">A value does not match its annotation.</exception>
    public static TableEntity Read(JsonElement element)
    {
        var entity = new TableEntity();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.Contains('@', StringComparison.Ordinal) || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (name)
            {
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case "RowKey":
                    entity.RowKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case "Timestamp":
                    entity.Timestamp = EdmFormat.ParseDateTime(property.Value.GetString()!);
                    continue;
                case "odata.etag":
                    entity.ETag = new ETag(property.Value.GetString()!);
                    continue;
                default:
                    if (name.StartsWith("odata.", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    entity.SetFromService(name, ReadValue(property.Value, types.GetValueOrDefault(name)));
                    continue;
            }
        }

        return entity;
    }

    private static object ReadValue(JsonElement value, string? edmType)
    {
        try
        {
            return edmType switch
            {
                "Edm.Int64" => long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                "Edm.DateTime" => EdmFormat.ParseDateTime(value.GetString()!),
                "Edm.Guid" => Guid.Parse(value.GetString()!),
                "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
                "Edm.Double" => ReadDouble(value),
                "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
                "Edm.Boolean" => value.GetBoolean(),
                "Edm.String" => value.GetString()!,
                null => value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString()!,
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    // Unannotated numbers: integers are Edm.Int32, anything else Edm.Double (the service's inference).
                    JsonValueKind.Number when value.TryGetInt32(out var integer) => integer,
                    JsonValueKind.Number => value.GetDouble(),
                    _ => throw new FormatException($"Unexpected JSON {value.ValueKind} in an entity."),
                },
                _ => throw new FormatException($"Unknown property type {edmType}."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or OverflowException)
        {
            throw new FormatException($"A property value does not match its type {edmType}.", e);
        }
    }

    private static double ReadDouble(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : value.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" or "INF" => double.PositiveInfinity,
                "-Infinity" or "-INF" => double.NegativeInfinity,
                var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
}
