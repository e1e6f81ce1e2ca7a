using System.Text.Json.Serialization;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>Source-generated (de)serialization of the plan JSON documents: camelCase names, nulls written.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanDocument))]
[JsonSerializable(typeof(AlertDocument))]
[JsonSerializable(typeof(PlanAlertsDocument))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
