using System.Text.Json.Serialization;

namespace ContinuityOfCare.Core.Reporting.Json;

/// <summary>Source-generated serialization of <see cref="ComplianceReportDocument"/> (camelCase, nulls written).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ComplianceReportDocument))]
internal sealed partial class ComplianceReportJsonContext : JsonSerializerContext;
