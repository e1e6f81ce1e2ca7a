using ContinuityOfCare.Core.Events;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// The event → obligation table as data (docs/domain.md "Obligations and their deadlines"): which event opens which
/// rule, for whom, from when. The order of the rows is the order a plan opens (and reports) one event's obligations.
/// <see cref="ObligationCatalogue.Triggers"/> serves it with the rules.
/// </summary>
internal static class ObligationTriggers
{
    /// <summary>Every trigger, grouped by event.</summary>
    public static IReadOnlyList<ObligationTrigger> All { get; } = Build();

    private static ObligationTrigger[] Build()
    {
        const ObligationOwner Prison = ObligationOwner.EventPrison;
        const ObligationOwner Receiving = ObligationOwner.ReceivingPrison;
        const EventKind Remanded = EventKind.RemandedOrSentencedToPrison;
        const EventKind Transferred = EventKind.TransferredBetweenPrisons;
        return
        [
            // 000 Part 1, §PP1–PP4: remand or sentence to prison P. The DIR's 24h rule runs from when the hub learned of it.
            new(Remanded, RuleIds.CjitDirToPrison, ObligationOwner.HomeCjit, Start: DeadlineStart.HubLearned),
            new(Remanded, RuleIds.SmtClinicalAssessment, Prison),
            new(Remanded, RuleIds.SmtKeyworker, Prison),
            new(Remanded, RuleIds.SmtNewDirIfNone, Prison),
            new(Remanded, RuleIds.SmtTriageAssessment, Prison),
            new(Remanded, RuleIds.SmtCarePlan, Prison),
            new(Remanded, RuleIds.SmtRemandDirUpdate, Prison, TriggerCondition.Remanded),
            new(Remanded, RuleIds.ProbationPsrToPrison, ObligationOwner.Probation, TriggerCondition.Sentenced),

            // 000 §PP8: the sending SMT's notice and close; the receiving SMT follows reception (the DIR travels with
            // the client, so no new DIR).
            new(Transferred, RuleIds.SmtTransferNotice, Prison),
            new(Transferred, RuleIds.SmtActivityClose, Prison),
            new(Transferred, RuleIds.SmtClinicalAssessment, Receiving),
            new(Transferred, RuleIds.SmtKeyworker, Receiving),
            new(Transferred, RuleIds.SmtTriageAssessment, Receiving),
            new(Transferred, RuleIds.SmtCarePlan, Receiving),

            // 000 §PP9, 2011 note.
            new(EventKind.ReleasedToCommunity, RuleIds.CjitPostReleaseContact, ObligationOwner.HomeCjit),
            new(EventKind.ReleasedToCommunity, RuleIds.SmtActivityClose, Prison),

            // 000 §PP13.
            new(EventKind.ReleasedFromCourt, RuleIds.CjitReleasedFromCourt, ObligationOwner.HomeCjit),
            new(EventKind.ReleasedFromCourt, RuleIds.SmtNonReturnClose, Prison),

            // 000 §PP11: a non-return established by the court result; the sending SMT closes the caseload.
            new(EventKind.NotReturnedFromCourt, RuleIds.SmtNonReturnClose, Prison, TriggerCondition.CustodyElsewhereKnown),

            // 000 §PP6, 001 §9.6: any other way out of prison closes the activity record.
            new(EventKind.Died, RuleIds.SmtActivityClose, Prison),
            new(EventKind.ReleasedToHospital, RuleIds.SmtActivityClose, Prison),
            new(EventKind.Deported, RuleIds.SmtActivityClose, Prison),
            new(EventKind.Absconded, RuleIds.SmtActivityClose, Prison),

            // 000 §PP7: release planning counts back from the known release date.
            new(EventKind.ReleaseDateKnown, RuleIds.SmtReleasePlanning, Prison),
        ];
    }
}
