using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Obligations;

namespace ContinuityOfCare.Hub.Endpoints.ObligationShow;

/// <summary>
/// One obligation: its row in the obligations table (the projection), its orchestration (what happens next) and its
/// escalation emails as the outbox holds them.
/// </summary>
/// <param name="Obligation">The table's view of it.</param>
/// <param name="Orchestration">Its orchestration, or null when it has none (reconciliation starts one for an open obligation).</param>
/// <param name="Escalations">Each recorded escalation level with its email's status in the outbox, lowest first.</param>
public sealed record ObligationDetail(ObligationView Obligation, ObligationOrchestration? Orchestration, IReadOnlyList<EscalationEmailView> Escalations);
