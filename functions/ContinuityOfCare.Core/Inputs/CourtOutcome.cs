namespace ContinuityOfCare.Core.Inputs;

/// <summary>Court result outcomes (formats.md §2 <c>outcome</c>).</summary>
public enum CourtOutcome
{
    /// <summary><c>REMANDED_IN_CUSTODY</c>.</summary>
    RemandedInCustody,

    /// <summary><c>SENTENCED_TO_CUSTODY</c>.</summary>
    SentencedToCustody,

    /// <summary><c>COMMITTED_IN_CUSTODY</c>.</summary>
    CommittedInCustody,

    /// <summary><c>BAIL</c>.</summary>
    Bail,

    /// <summary><c>NON_CUSTODIAL</c>.</summary>
    NonCustodial,

    /// <summary><c>NOT_GUILTY</c>.</summary>
    NotGuilty,

    /// <summary><c>DISCHARGED</c>.</summary>
    Discharged,

    /// <summary><c>ADJOURNED</c>.</summary>
    Adjourned,
}
