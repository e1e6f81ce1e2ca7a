using NodaTime;

namespace ContinuityOfCare.Core.Alerts;

/// <summary>"What we ask of you, by when": the obligation an Alert Form asks the recipient to fulfil.</summary>
/// <param name="ObligationId">The obligation's deterministic id.</param>
/// <param name="RuleId">The obligation rule, e.g. <c>cjit.dir-to-prison</c>.</param>
/// <param name="MustDo">What must be done, in plain words.</param>
/// <param name="Due">The due instant (shown in Europe/London).</param>
public sealed record AlertRequest(string ObligationId, string RuleId, string MustDo, Instant Due);
