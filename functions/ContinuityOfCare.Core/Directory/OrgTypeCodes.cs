namespace ContinuityOfCare.Core.Directory;

/// <summary>The CSV spellings of <see cref="OrgType"/> (formats.md §4, §5 <c>consent_scope</c>).</summary>
public static class OrgTypeCodes
{
    /// <summary>Parses <c>CJIT</c>, <c>PRISON_SMT</c>, <c>PROBATION</c>, <c>REGIONAL_TEAM</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, out OrgType orgType)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "CJIT": orgType = OrgType.Cjit; return true;
            case "PRISON_SMT": orgType = OrgType.PrisonSmt; return true;
            case "PROBATION": orgType = OrgType.Probation; return true;
            case "REGIONAL_TEAM": orgType = OrgType.RegionalTeam; return true;
            default: orgType = default; return false;
        }
    }

    /// <summary>The CSV spelling of an org type.</summary>
    public static string ToCode(this OrgType orgType) => orgType switch
    {
        OrgType.Cjit => "CJIT",
        OrgType.PrisonSmt => "PRISON_SMT",
        OrgType.Probation => "PROBATION",
        OrgType.RegionalTeam => "REGIONAL_TEAM",
        _ => throw new ArgumentOutOfRangeException(nameof(orgType), orgType, "unknown org type"),
    };
}
