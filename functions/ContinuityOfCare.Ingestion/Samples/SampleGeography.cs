using ContinuityOfCare.Core.Directory;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>
/// The fixed part of the sample world: its CJITs (postcode districts, courts), prisons and teams, and the SPOC
/// directory that covers every prison and court the generated inputs use. Phone numbers are from Ofcom's ranges
/// reserved for drama (0113 496 0xxx); mailboxes are on the secure-mail domains (cjsm.net, nhs.net, gov.uk).
/// </summary>
internal static class SampleGeography
{
    public const string LeedsMagistrates = "B13LS";
    public const string BradfordMagistrates = "B13BR";
    public const string SheffieldMagistrates = "B14SH";
    public const string WakefieldMagistrates = "B13WK";
    public const string LeedsCrown = "439";

    public static readonly LocalDate EffectiveFrom = new(2026, 12, 1);

    public static readonly string[] Prisons = ["LEI", "WDI", "DNI", "MRI"];

    public static readonly (string Code, string Name)[] Courts =
    [
        (LeedsMagistrates, "Leeds Magistrates' Court"),
        (BradfordMagistrates, "Bradford and Keighley Magistrates' Court"),
        (SheffieldMagistrates, "Sheffield Magistrates' Court"),
        (WakefieldMagistrates, "Wakefield Magistrates' Court"),
        (LeedsCrown, "Leeds Crown Court"),
    ];

    /// <summary>
    /// (Declared before <see cref="Directory"/>: static initialisers run in text order.) Each team's named single point of contact, shown on the Alert Forms it sends and receives. Fictional, and drawn
    /// from outside <see cref="SampleNames"/> so a SPOC is never mistaken for a client.
    /// </summary>
    private static readonly Dictionary<string, string> SpocNames = new(StringComparer.Ordinal)
    {
        ["LDSCJ"] = "Nadia Okafor",
        ["BRDCJ"] = "Imran Qureshi",
        ["SHFCJ"] = "Rhian Pritchard",
        ["WKFCJ"] = "Tomasz Nowicki",
        ["LEI"] = "Grace Achterberg",
        ["WDI"] = "Declan Quilliam",
        ["DNI"] = "Priya Venkatesh",
        ["MRI"] = "Olu Adeyemi",
        ["YHPRB"] = "Siobhan Tregear",
        ["YHREG"] = "Marcus Fenwick-Lowe",
    };

    public static IReadOnlyList<DirectoryEntry> Directory { get; } =
    [
        Cjit("LDSCJ", "Leeds CJIT", "spoc@leeds-cjit.cjsm.net", "duty.manager@leeds-cjit.cjsm.net", "0113 496 0101", "0113 496 0199",
            ["LS1", "LS2", "LS3", "LS4", "LS5", "LS6", "LS7", "LS8", "LS9", "LS10", "LS11", "LS12"], [LeedsMagistrates, LeedsCrown], [LeedsMagistrates]),
        Cjit("BRDCJ", "Bradford CJIT", "bradford.cjit@nhs.net", "bradford.cjit.duty@nhs.net", "0113 496 0201", "0113 496 0299",
            ["BD1", "BD2", "BD3", "BD4", "BD5", "BD6", "BD7", "BD8", "BD9", "BD10"], [BradfordMagistrates], [BradfordMagistrates]),
        Cjit("SHFCJ", "Sheffield CJIT", "spoc@sheffield-cjit.cjsm.net", "manager@sheffield-cjit.cjsm.net", "0113 496 0301", "0113 496 0399",
            ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10"], [SheffieldMagistrates], []),
        Cjit("WKFCJ", "Wakefield CJIT", "wakefield.cjit@nhs.net", "wakefield.cjit.manager@nhs.net", "0113 496 0401", "0113 496 0499",
            ["WF1", "WF2", "WF3", "WF4", "WF5", "WF6"], [WakefieldMagistrates], []),
        Team("LEI", OrgType.PrisonSmt, "HMP Leeds Substance Misuse Team", "smt.leeds@justice.gov.uk", "0113 496 0501"),
        Team("WDI", OrgType.PrisonSmt, "HMP Wakefield Substance Misuse Team", "smt.wakefield@justice.gov.uk", "0113 496 0502"),
        Team("DNI", OrgType.PrisonSmt, "HMP Doncaster Substance Misuse Team", "smt.doncaster@justice.gov.uk", "0113 496 0503"),
        Team("MRI", OrgType.PrisonSmt, "HMP Manchester Substance Misuse Team", "smt.manchester@justice.gov.uk", "0113 496 0504"),
        Team("YHPRB", OrgType.Probation, "Yorkshire and the Humber Probation", "yh.probation.spoc@justice.gov.uk", "0113 496 0601"),
        Team("YHREG", OrgType.RegionalTeam, "Yorkshire and the Humber Regional DIP Team", "regional.dip@yh.ohid.gov.uk", "0113 496 0701"),
    ];

    public static IEnumerable<DirectoryEntry> Cjits => Directory.Where(entry => entry.OrgType == OrgType.Cjit);

    public static string CourtName(string code) => Courts.First(court => court.Code == code).Name;

    private static DirectoryEntry Cjit(
        string code, string name, string email, string escalation, string phone, string phone24x7, string[] districts, string[] courts, string[] workerCourts) =>
        new(code, OrgType.Cjit, name, SpocNames[code], email, phone, phone24x7, escalation, districts, courts, workerCourts, EffectiveFrom);

    private static DirectoryEntry Team(string code, OrgType type, string name, string email, string phone) =>
        new(code, type, name, SpocNames[code], email, phone, null, email.Replace("@", ".manager@", StringComparison.Ordinal), [], [], [], EffectiveFrom);
}
