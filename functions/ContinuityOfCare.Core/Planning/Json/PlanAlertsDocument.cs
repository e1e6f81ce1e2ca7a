namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>What a reader of plan JSON needs to execute it: the schema version and the alerts (other members are skipped).</summary>
internal sealed record PlanAlertsDocument(int? SchemaVersion, IReadOnlyList<AlertDocument>? Alerts);
