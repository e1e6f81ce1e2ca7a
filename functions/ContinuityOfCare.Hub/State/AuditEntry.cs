using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// One audit record: who did what to which thing, when. Ids and codes only — never a name, date of birth, identifier
/// or email body (architecture.md "Security rules").
/// </summary>
/// <param name="Id">Unique per action; deterministic when the action can be redelivered (e.g. <c>fulfil:{obligationId}</c>), so it is recorded once.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: a user id, an API key id, or a function name.</param>
/// <param name="Action">What, as a code, e.g. <c>obligation.fulfilled</c>.</param>
/// <param name="TargetType">The kind of thing acted on, e.g. <c>obligation</c>.</param>
/// <param name="TargetId">Its id.</param>
/// <param name="Detail">A short code-level detail (outcome, level, status), or null.</param>
public sealed record AuditEntry(string Id, Instant At, string Actor, string Action, string TargetType, string TargetId, string? Detail = null);
