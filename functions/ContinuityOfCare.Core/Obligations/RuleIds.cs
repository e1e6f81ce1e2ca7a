namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// The obligation rule ids, exactly as docs/domain.md's "Obligations and their deadlines" table spells them. They are
/// stable identifiers (stored with obligations, shown in reports, used by <c>coc deadline --rule</c>).
/// </summary>
public static class RuleIds
{
    /// <summary>000 Part 1: home CJIT sends the DIR to the prison's SMT (24h rule).</summary>
    public const string CjitDirToPrison = "cjit.dir-to-prison";

    /// <summary>000 §PP2, §PP4: SMT assesses clinical needs within 24 hours of entry.</summary>
    public const string SmtClinicalAssessment = "smt.clinical-assessment";

    /// <summary>000 §PP4 "Day 1": SMT appoints a CARAT keyworker within 24 hours of entry.</summary>
    public const string SmtKeyworker = "smt.keyworker";

    /// <summary>000 §PP4: SMT opens a new DIR within 24 hours of entry when none has been acknowledged.</summary>
    public const string SmtNewDirIfNone = "smt.new-dir-if-none";

    /// <summary>000 §PP2, §PP4: SMT completes the Substance Misuse Triage Assessment within 3 days of referral.</summary>
    public const string SmtTriageAssessment = "smt.triage-assessment";

    /// <summary>000 §PP4 "Day 5": comprehensive assessment and care plan by the end of day 5.</summary>
    public const string SmtCarePlan = "smt.care-plan";

    /// <summary>001 pathway "Days 2 and 3": SMT sends the updated DIR to the local CJIT within 3 days of a remand.</summary>
    public const string SmtRemandDirUpdate = "smt.remand-dir-update";

    /// <summary>000 §PP8: sending SMT sends the Alert Form by the end of the transfer day.</summary>
    public const string SmtTransferNotice = "smt.transfer-notice";

    /// <summary>000 §PP2, §PP8: sending SMT forwards a missing CARAT file (24h rule).</summary>
    public const string SmtCaratFile = "smt.carat-file";

    /// <summary>000 §PP7, 2011 note §PP9: release planning starts 6 weeks before the release date.</summary>
    public const string SmtReleasePlanning = "smt.release-planning";

    /// <summary>000 §PP7: the party that changed an agreed release plan alerts the other within 24 hours.</summary>
    public const string AnyReleasePlanChange = "any.release-plan-change";

    /// <summary>000 §PP9: home CJIT tells the SMT of pick-up within 5 working days of release.</summary>
    public const string CjitPostReleaseContact = "cjit.post-release-contact";

    /// <summary>000 §PP13: home CJIT tells the sending SMT within 24 hours of a release from court.</summary>
    public const string CjitReleasedFromCourt = "cjit.released-from-court";

    /// <summary>000 §PP13: sending SMT closes the caseload within 7 days of an established non-return.</summary>
    public const string SmtNonReturnClose = "smt.non-return-close";

    /// <summary>000 2011 note: SMT completes the Activity minimum data set (default 5 working days).</summary>
    public const string SmtActivityClose = "smt.activity-close";

    /// <summary>003 §4.7.2: probation sends the PSR to the prison within 24 hours of sentence.</summary>
    public const string ProbationPsrToPrison = "probation.psr-to-prison";

    /// <summary>Every rule id, in docs/domain.md's table order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CjitDirToPrison, SmtClinicalAssessment, SmtKeyworker, SmtNewDirIfNone, SmtTriageAssessment, SmtCarePlan,
        SmtRemandDirUpdate, SmtTransferNotice, SmtCaratFile, SmtReleasePlanning, AnyReleasePlanChange,
        CjitPostReleaseContact, CjitReleasedFromCourt, SmtNonReturnClose, SmtActivityClose, ProbationPsrToPrison,
    ];

    /// <summary>True when <paramref name="ruleId"/> is one of <see cref="All"/> (ordinal, case-sensitive).</summary>
    public static bool IsKnown(string? ruleId) => ruleId is not null && All.Contains(ruleId, StringComparer.Ordinal);
}
