using ContinuityOfCare.Core.Directory;

namespace ContinuityOfCare.Core.Alerts;

/// <summary>The sending or receiving team of an Alert Form, as the SPOC directory describes it.</summary>
/// <param name="OrgCode">Directory org code.</param>
/// <param name="OrgName">Organisation name.</param>
/// <param name="OrgType">Organisation type.</param>
/// <param name="SpocName">The SPOC's name, when known.</param>
/// <param name="Email">The SPOC mailbox.</param>
/// <param name="Phone">The SPOC's phone.</param>
/// <param name="Phone24x7">The CJIT's 24/7 client line, where relevant.</param>
public sealed record AlertParty(
    string OrgCode,
    string OrgName,
    OrgType OrgType,
    string? SpocName,
    string Email,
    string? Phone,
    string? Phone24x7)
{
    /// <summary>The party for a directory entry.</summary>
    public static AlertParty From(DirectoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AlertParty(entry.OrgCode, entry.OrgName, entry.OrgType, entry.SpocName, entry.Email, entry.Phone, entry.Phone24x7);
    }
}
