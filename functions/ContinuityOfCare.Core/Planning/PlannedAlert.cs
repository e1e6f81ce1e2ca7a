using ContinuityOfCare.Core.Alerts;

namespace ContinuityOfCare.Core.Planning;

/// <summary>An Alert Form the plan would store in the outbox, with its status.</summary>
/// <param name="Form">The form.</param>
/// <param name="EventId">The event it reports.</param>
/// <param name="Status">Ready, or held (with <paramref name="HeldReason"/>).</param>
/// <param name="HeldReason">Why it is held, when it is.</param>
public sealed record PlannedAlert(AlertForm Form, string EventId, AlertStatus Status, string? HeldReason = null);
