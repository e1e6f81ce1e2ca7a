namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>The input of the escalation activities: which obligation, which level.</summary>
/// <param name="ObligationId">The obligation (= the orchestration's instance id).</param>
/// <param name="Level">The level to send, or (for the grace) the level sent.</param>
public sealed record EscalationStep(string ObligationId, int Level);
