using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Hub.State;

/// <summary>An obligation to open, with what the hub keeps beside the core's <see cref="Core.Obligations.Obligation"/>.</summary>
/// <param name="Obligation">The obligation (deterministic id, rule, owner, due; state Open).</param>
/// <param name="ClientId">The client concerned.</param>
/// <param name="EventId">The event that opened it.</param>
/// <param name="MustDo">What must be done (rule text; no personal data).</param>
public sealed record NewObligation(Obligation Obligation, string ClientId, string EventId, string MustDo);
