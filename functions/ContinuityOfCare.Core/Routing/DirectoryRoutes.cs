using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// The SPOC directory indexed for routing, built once per plan (docs/domain.md "Routing"): SMT by prison code, home CJIT
/// by the register's <c>cjit_code</c> else by postcode district coverage, court CJIT by court code, the regional team
/// as the fallback. Where coverage overlaps (the directory import warns about it) the lowest org code wins, so
/// routing is deterministic.
/// </summary>
public sealed class DirectoryRoutes
{
    private readonly Dictionary<string, DirectoryEntry> _cjitByDistrict = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DirectoryEntry> _cjitByCourt = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _courtCodeByName = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="directory"/>.</summary>
    public DirectoryRoutes(SpocDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory = directory;
        var ordered = directory.Entries.OrderBy(e => e.OrgCode, StringComparer.Ordinal).ToList();
        foreach (var cjit in ordered.Where(e => e.OrgType == OrgType.Cjit))
        {
            foreach (var district in cjit.PostcodeDistricts)
            {
                _cjitByDistrict.TryAdd(district.Trim(), cjit);
            }

            foreach (var court in cjit.Courts)
            {
                _cjitByCourt.TryAdd(court.Trim(), cjit);
            }

            foreach (var (name, code) in cjit.CourtNames ?? new Dictionary<string, string>())
            {
                _courtCodeByName.TryAdd(CourtNameKey(name), code.Trim().ToUpperInvariant());
            }
        }

        RegionalTeam = ordered.FirstOrDefault(e => e.OrgType == OrgType.RegionalTeam);
        Probation = ordered.FirstOrDefault(e => e.OrgType == OrgType.Probation);
    }

    /// <summary>The directory version routed against.</summary>
    public SpocDirectory Directory { get; }

    /// <summary>The directory version number, recorded in every routing reason.</summary>
    public int Version => Directory.Version;

    /// <summary>The fallback recipient for unroutable forms (lowest org code of type REGIONAL_TEAM), or null.</summary>
    public DirectoryEntry? RegionalTeam { get; }

    /// <summary>The probation entry (lowest org code of type PROBATION), or null when probation is not in the directory.</summary>
    public DirectoryEntry? Probation { get; }

    /// <summary>The SMT of a prison (an entry of type PRISON_SMT whose org code is the NOMIS code), or null.</summary>
    public DirectoryEntry? Smt(string? prisonCode) =>
        prisonCode is null ? null : Directory.Find(prisonCode.Trim()) is { OrgType: OrgType.PrisonSmt } entry ? entry : null;

    /// <summary>docs/domain.md "Routing": the register's CJIT, else the CJIT whose postcode districts cover the home postcode.</summary>
    public DirectoryEntry? HomeCjit(Client client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!string.IsNullOrWhiteSpace(client.CjitCode))
        {
            return Directory.Find(client.CjitCode.Trim()) is { OrgType: OrgType.Cjit } entry ? entry : null;
        }

        return PostcodeDistrict(client.HomePostcode) is { } district ? _cjitByDistrict.GetValueOrDefault(district) : null;
    }

    /// <summary>
    /// The team that owns a client's tasks and possible matches: the home CJIT, else the regional team, else the
    /// operator (<see cref="Planning.PlanTask.Operator"/>).
    /// </summary>
    public string OwningTeam(Client client) =>
        HomeCjit(client)?.OrgCode ?? RegionalTeam?.OrgCode ?? Planning.PlanTask.Operator;

    /// <summary>docs/domain.md "Routing": the CJIT whose directory entry lists the court, or null.</summary>
    public DirectoryEntry? CourtCjit(string? courtCode) =>
        courtCode is null ? null : _cjitByCourt.GetValueOrDefault(courtCode.Trim());

    /// <summary>
    /// The court code the directory's <c>court_names</c> give a court house name (case and spacing ignored), or null:
    /// a list downloaded without its court code names its court house only (docs/plan.md "Court code").
    /// </summary>
    public string? CourtCodeForName(string? courtHouseName) =>
        string.IsNullOrWhiteSpace(courtHouseName) ? null : _courtCodeByName.GetValueOrDefault(CourtNameKey(courtHouseName));

    /// <summary>True when the court's CJIT has a court worker there (000 §PP13 rather than §PP14).</summary>
    public bool HasCourtWorker(string? courtCode) =>
        CourtCjit(courtCode) is { } cjit && cjit.CourtWorkerCourts.Contains(courtCode!.Trim(), StringComparer.OrdinalIgnoreCase);

    private static string CourtNameKey(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    /// <summary>The outward code of a UK postcode ("LS6 2AB" → "LS6"; "LS62AB" → "LS6"), or null.</summary>
    public static string? PostcodeDistrict(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var text = postcode.Trim().ToUpperInvariant();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            return text[..space];
        }

        return text.Length >= 5 ? text[..^3] : text;
    }
}
