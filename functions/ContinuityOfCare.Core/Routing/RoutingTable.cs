using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// docs/domain.md "Routing", one row per event kind. Events the table does not list
/// (<see cref="EventKind.ReleaseDateKnown"/>) send no Alert Form: they only open obligations.
/// </summary>
public static class RoutingTable
{
    /// <summary>The recipients of an event's Alert Forms, in send order.</summary>
    public static IReadOnlyList<RecipientRule> For(EventKind kind) => kind switch
    {
        // 000 Part 1: the CJIT alerts the SMT that the client is en route and the DIR will follow; copy to the home CJIT.
        EventKind.RemandedOrSentencedToPrison =>
        [
            new(RecipientRole.ReceivingSmt, RuleIds.SmtClinicalAssessment),
            new(RecipientRole.HomeCjit, RuleIds.CjitDirToPrison),
        ],

        // 000 §PP10, §PP13 "Local issues": the home CJIT, and the court CJIT when different.
        EventKind.ListedForHearing =>
        [
            new(RecipientRole.HomeCjit),
            new(RecipientRole.CourtCjit, OnlyWhenDifferentFromHomeCjit: true),
        ],

        // 000 §PP8: on the day of transfer, the receiving SMT and the home CJIT.
        EventKind.TransferredBetweenPrisons =>
        [
            new(RecipientRole.ReceivingSmt, RuleIds.SmtClinicalAssessment),
            new(RecipientRole.HomeCjit),
        ],

        // 000 §PP9, §PP14: the home CJIT.
        EventKind.ReleasedToCommunity => [new(RecipientRole.HomeCjit, RuleIds.CjitPostReleaseContact)],

        // 000 §PP10: the home CJIT, and the court CJIT when different.
        EventKind.SentToCourt =>
        [
            new(RecipientRole.HomeCjit),
            new(RecipientRole.CourtCjit, OnlyWhenDifferentFromHomeCjit: true),
        ],

        // 000 §PP13: the sending SMT and the home CJIT.
        EventKind.ReleasedFromCourt =>
        [
            new(RecipientRole.SendingSmt, RuleIds.SmtNonReturnClose),
            new(RecipientRole.HomeCjit, RuleIds.CjitReleasedFromCourt),
        ],

        // 000 §PP11, §PP13: the sending SMT must establish the non-return and close the caseload.
        EventKind.NotReturnedFromCourt => [new(RecipientRole.SendingSmt, RuleIds.SmtNonReturnClose)],

        // 000 §PP6, 001 §9.6: the home CJIT.
        EventKind.Died or EventKind.ReleasedToHospital or EventKind.Deported or EventKind.Absconded =>
            [new(RecipientRole.HomeCjit)],

        EventKind.ReleaseDateKnown => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown event kind"),
    };
}
