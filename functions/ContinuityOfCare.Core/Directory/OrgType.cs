namespace ContinuityOfCare.Core.Directory;

/// <summary>Organisation types of the SPOC directory (formats.md §4, docs/domain.md "Who is involved").</summary>
public enum OrgType
{
    /// <summary>Criminal Justice Integrated Team: a community drug team.</summary>
    Cjit,

    /// <summary>A prison's Substance Misuse Team (clinical + CARATs), keyed by the prison's NOMIS code.</summary>
    PrisonSmt,

    /// <summary>Offender management (probation).</summary>
    Probation,

    /// <summary>The regional data team / DIP lead: fallback recipient and last escalation level.</summary>
    RegionalTeam,
}
