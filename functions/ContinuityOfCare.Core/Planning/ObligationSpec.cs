using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>An obligation an event opens: which rule, who owns it, when its deadline starts.</summary>
/// <param name="RuleId">The catalogue rule.</param>
/// <param name="Owner">The owning team's org code.</param>
/// <param name="Start">When the deadline starts.</param>
/// <param name="ReferenceDate">The date a "before" deadline counts back from (a release date).</param>
/// <param name="Prison">The prison the event concerns (closing rules need it when the owner is not that prison).</param>
internal sealed record ObligationSpec(string RuleId, string Owner, Instant Start, LocalDate? ReferenceDate = null, string? Prison = null);
