using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Planning;

/// <summary>The formats.md §2 spelling of court outcomes, used in event details and plan output.</summary>
internal static class OutcomeCodes
{
    public static string Code(CourtOutcome outcome) => outcome switch
    {
        CourtOutcome.RemandedInCustody => "REMANDED_IN_CUSTODY",
        CourtOutcome.SentencedToCustody => "SENTENCED_TO_CUSTODY",
        CourtOutcome.CommittedInCustody => "COMMITTED_IN_CUSTODY",
        CourtOutcome.Bail => "BAIL",
        CourtOutcome.NonCustodial => "NON_CUSTODIAL",
        CourtOutcome.NotGuilty => "NOT_GUILTY",
        CourtOutcome.Discharged => "DISCHARGED",
        CourtOutcome.Adjourned => "ADJOURNED",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown outcome"),
    };

    /// <summary>000 Part 1, §PP1–PP4: outcomes that put the client in prison.</summary>
    public static bool IsCustodial(CourtOutcome outcome) =>
        outcome is CourtOutcome.RemandedInCustody or CourtOutcome.SentencedToCustody or CourtOutcome.CommittedInCustody;

    /// <summary>000 §PP13/§PP14: outcomes that release a client who was in custody.</summary>
    public static bool IsRelease(CourtOutcome outcome) =>
        outcome is CourtOutcome.Bail or CourtOutcome.NonCustodial or CourtOutcome.NotGuilty or CourtOutcome.Discharged;
}
