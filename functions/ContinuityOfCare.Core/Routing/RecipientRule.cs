namespace ContinuityOfCare.Core.Routing;

/// <summary>One recipient of one row of docs/domain.md's routing table.</summary>
/// <param name="Role">Who receives the form.</param>
/// <param name="RequestRuleId">The obligation rule the form asks the recipient to fulfil, when the event opens one for them.</param>
/// <param name="OnlyWhenDifferentFromHomeCjit">"also the court CJIT when different".</param>
public sealed record RecipientRule(RecipientRole Role, string? RequestRuleId = null, bool OnlyWhenDifferentFromHomeCjit = false);
