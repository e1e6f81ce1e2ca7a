using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Obligations;

namespace ContinuityOfCare.Hub.Endpoints.ObligationShow;

/// <summary>One obligation: its row in the obligations table (the projection) and its orchestration (what happens next).</summary>
/// <param name="Obligation">The table's view of it.</param>
/// <param name="Orchestration">Its orchestration, or null when it has none (reconciliation starts one for an open obligation).</param>
public sealed record ObligationDetail(ObligationView Obligation, ObligationOrchestration? Orchestration);
