using ContinuityOfCare.Core.Obligations;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>An obligation the plan opens (docs/domain.md "Obligations and their deadlines").</summary>
/// <param name="Id">Deterministic: rule + event (architecture.md "Reliability rules").</param>
/// <param name="RuleId">The rule, e.g. <c>cjit.dir-to-prison</c>.</param>
/// <param name="Owner">The owning organisation's code (a CJIT code or prison NOMIS code; the regional team's code when no CJIT can be found).</param>
/// <param name="ClientId">The client.</param>
/// <param name="EventId">The event that opened it.</param>
/// <param name="MustDo">What must be done.</param>
/// <param name="Start">The start instant the deadline counts from.</param>
/// <param name="Due">The due instant, or null when the bank-holiday calendar does not cover it (a CALENDAR_NOT_COVERED task says so).</param>
/// <param name="Priority">PPO priority (000 §PP2 note, §PP5).</param>
/// <param name="Explanation">How the due instant was computed (the deadline engine's explanation).</param>
/// <param name="LateFromStart">True when the deadline had already passed at the start (000 §PP7).</param>
public sealed record PlannedObligation(
    string Id,
    string RuleId,
    string Owner,
    string ClientId,
    string EventId,
    string MustDo,
    Instant Start,
    Instant? Due,
    ObligationPriority Priority,
    string Explanation,
    bool LateFromStart);
