using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// Which open obligations a later event ends (docs/domain.md "Obligations and their deadlines": fulfilment comes from an
/// acknowledgement "or from later data that proves it (e.g. a transfer closes release planning)"). Public so the shell
/// can apply the same rules to obligations stored by earlier plans.
/// </summary>
public static class ObligationClosingRules
{
    /// <summary>The SMT obligations that only make sense while the client is in that prison.</summary>
    public static IReadOnlySet<string> InPrisonRules { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleIds.SmtClinicalAssessment, RuleIds.SmtKeyworker, RuleIds.SmtNewDirIfNone, RuleIds.SmtTriageAssessment,
        RuleIds.SmtCarePlan, RuleIds.SmtRemandDirUpdate, RuleIds.SmtReleasePlanning,
    };

    /// <summary>
    /// How <paramref name="later"/> ends an open obligation of <paramref name="ruleId"/> owned by <paramref name="owner"/>
    /// (for <c>cjit.dir-to-prison</c>, <paramref name="prisonContext"/> is the prison the DIR was for), or null when it
    /// does not.
    /// </summary>
    public static (ClosureOutcome Outcome, string Reason)? Closes(CareEvent later, string ruleId, string owner, string? prisonContext)
    {
        ArgumentNullException.ThrowIfNull(later);
        var left = later.PrisonCode;
        var ownedByLeftPrison = left is not null && string.Equals(owner, left, StringComparison.OrdinalIgnoreCase);
        var dirForLeftPrison = ruleId == RuleIds.CjitDirToPrison && left is not null
            && string.Equals(prisonContext, left, StringComparison.OrdinalIgnoreCase);
        switch (later.Kind)
        {
            case EventKind.Died:
                // 000 §PP6: nothing further can be done for the client.
                return (ClosureOutcome.Cancelled, "the client died (000 §PP6)");

            case EventKind.TransferredBetweenPrisons when ownedByLeftPrison && ruleId == RuleIds.SmtReleasePlanning:
                return (ClosureOutcome.Fulfilled, $"transferred out of {left}: a transfer closes release planning (000 §PP7, §PP8)");

            case EventKind.TransferredBetweenPrisons when ownedByLeftPrison && InPrisonRules.Contains(ruleId):
                return (ClosureOutcome.Cancelled, $"transferred from {left} to {later.ToPrisonCode}: the receiving SMT's obligations replace these (000 §PP8)");

            case EventKind.ReleasedToCommunity or EventKind.ReleasedFromCourt or EventKind.ReleasedToHospital
                or EventKind.Deported or EventKind.Absconded or EventKind.NotReturnedFromCourt
                when (ownedByLeftPrison && InPrisonRules.Contains(ruleId)) || dirForLeftPrison:
                return (ClosureOutcome.Cancelled, $"the client left {left} ({later.Kind}, {later.ProcessPoint}): pending in-prison obligations are cancelled");

            default:
                return null;
        }
    }
}
