using ContinuityOfCare.Core.Alerts;
using NodaTime;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// docs/domain.md "Escalation": what an escalation email is about — the obligation, the client reference, the due
/// instant and who it goes to. No client data beyond the reference. This is what the alert outbox stores for a queued
/// escalation; "how late" and the acknowledgement link are added when it is sent (<see cref="EscalationRenderer"/>), so
/// no credential is stored and a delayed send is not stale (docs/email.md "Outbox").
/// </summary>
/// <param name="Level">1 the owner's SPOC, 2 the escalation contact, 3 the regional team.</param>
/// <param name="ClientReference">The reference the owner knows the case by (an Alert Form reference), never a name.</param>
/// <param name="ObligationId">The obligation.</param>
/// <param name="RuleId">The obligation rule, e.g. <c>smt.care-plan</c>.</param>
/// <param name="MustDo">What was to be done.</param>
/// <param name="Due">The due instant.</param>
/// <param name="Owner">The owning organisation.</param>
/// <param name="Recipient">Who this level goes to (the owner's SPOC, escalation contact, or the regional team).</param>
public sealed record EscalationNotice(
    int Level,
    string ClientReference,
    string ObligationId,
    string RuleId,
    string MustDo,
    Instant Due,
    AlertParty Owner,
    AlertParty Recipient);
