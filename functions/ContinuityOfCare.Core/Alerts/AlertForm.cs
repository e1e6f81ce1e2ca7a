using ContinuityOfCare.Core.Events;
using NodaTime;

namespace ContinuityOfCare.Core.Alerts;

/// <summary>
/// One Alert Form to send: a one-page "tick-box plus one sentence" notice of a change of circumstance
/// (000 §1.8; docs/domain.md "The Alert Form"). Built by the core's routing, rendered and sent by the mail outbox.
/// </summary>
/// <param name="Id">Deterministic id: hash of event id + recipient (architecture.md "Reliability rules").</param>
/// <param name="Reference">Human reference printed on the form and in the subject, e.g. <c>CC-2026-3F9A1C</c>; no personal data.</param>
/// <param name="Event">The change of circumstance.</param>
/// <param name="ProcessPoint">The guidance process point, e.g. <c>000 §PP8</c>.</param>
/// <param name="From">The team on whose behalf the hub sends (Reply-To is its SPOC).</param>
/// <param name="To">The receiving team.</param>
/// <param name="Client">The client block, minimised for this recipient.</param>
/// <param name="Boxes">The ticked boxes.</param>
/// <param name="Sentence">One sentence of context, at most 250 characters.</param>
/// <param name="Summary">The kind of change for the subject line, without personal data, e.g. "transferred (HMP Leeds → HMP Wakefield)".</param>
/// <param name="Request">The obligation the form asks for, if any.</param>
/// <param name="Reason">Why this recipient: event, rule, directory version, consent basis.</param>
/// <param name="CreatedAt">When the plan that produced it was made.</param>
/// <param name="InCustody">The client comes to a listed hearing from custody (docs/plan.md "alerts[]"): the CJIT and the prison SMT need to know.</param>
public sealed record AlertForm(
    string Id,
    string Reference,
    EventKind Event,
    string ProcessPoint,
    AlertParty? From,
    AlertParty To,
    AlertClientDetails Client,
    IReadOnlyList<ChangeBox> Boxes,
    string Sentence,
    string Summary,
    AlertRequest? Request,
    string Reason,
    Instant CreatedAt,
    bool InCustody = false)
{
    /// <summary>The longest context sentence allowed (docs/domain.md "The Alert Form").</summary>
    public const int MaxSentenceLength = 250;
}
