namespace ContinuityOfCare.Hub.Console;

/// <summary>One team's open tasks of one kind, as counted at one instant.</summary>
/// <param name="Team">The owner org code.</param>
/// <param name="Kind">The task kind (e.g. <c>CONSENT_MISSING</c>).</param>
/// <param name="Open">How many are open.</param>
public sealed record TeamTaskCount(string Team, string Kind, int Open);
