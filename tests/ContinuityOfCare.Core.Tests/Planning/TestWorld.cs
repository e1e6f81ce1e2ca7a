using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>
/// A small hand-built world for planning tests: a directory with two CJITs (Leeds covering LS districts and court
/// B13HT with a court worker; Wakefield covering WF districts and court B13WF), SMTs at LEI and WKI, a regional
/// team, and factory methods for clients and records. Each test builds its own objects (no shared mutable state).
/// </summary>
internal static class TestWorld
{
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 10, 15, 0);

    public static WorkingCalendar Calendar { get; } = new(
        new[]
        {
            "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
            "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
            "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
        }.Select(d => new BankHoliday(NodaTime.Text.LocalDatePattern.Iso.Parse(d).Value, "Bank holiday")),
        2026,
        2028);

    public static DirectoryEntry Entry(
        string code, OrgType type, string email, string[]? districts = null, string[]? courts = null, string[]? courtWorkers = null) =>
        new(code, type, $"{code} team", "Duty SPOC", email, "0113 000 0000", type == OrgType.Cjit ? "0800 000 000" : null,
            $"manager@{email.Split('@')[1]}", districts ?? [], courts ?? [], courtWorkers ?? [], new LocalDate(2026, 1, 1));

    public static SpocDirectory Directory(params DirectoryEntry[] extra) => new(7,
    [
        Entry("LEEDS", OrgType.Cjit, "leeds.cjit@leeds.cjsm.net", ["LS1", "LS6"], ["B13HT"], ["B13HT"]),
        Entry("WAKEFIELD", OrgType.Cjit, "wakefield.cjit@wakefield.cjsm.net", ["WF1"], ["B13WF"]),
        Entry("LEI", OrgType.PrisonSmt, "smt.leeds@hmps.gsi.gov.uk"),
        Entry("WKI", OrgType.PrisonSmt, "smt.wakefield@nhs.net"),
        Entry("REGION", OrgType.RegionalTeam, "dip.region@yorks.gov.uk"),
        .. extra,
    ]);

    public static Consent ConsentTo(params OrgType[] types) => new(true, types.ToHashSet(), new LocalDate(2026, 1, 2));

    public static Client Client(
        string id = "C-1", string surname = "Smith", string forenames = "John", LocalDate? dob = null,
        string? noms = "A1234BC", string? cjit = "LEEDS", string? prison = null, string? postcode = "LS6 2AB",
        Consent? consent = null, LegalBasis? legalBasis = null, bool ppo = false, PncId? pnc = null, CroNumber? cro = null) =>
        new(id, surname, forenames, dob ?? new LocalDate(1980, 3, 14), null, pnc, cro, Noms(noms), postcode, cjit, prison, null,
            consent ?? ConsentTo(OrgType.Cjit, OrgType.PrisonSmt), legalBasis, ppo);

    public static NomsNumber? Noms(string? text) => text is null ? null : NomsNumber.TryParse(text, out var n, out _) ? n : throw new ArgumentException("bad NOMS in test", nameof(text));

    public static PersonParticulars Person(string? surname = "Smith", string? forenames = "John", LocalDate? dob = null, string? noms = "A1234BC") =>
        new(surname, forenames, dob ?? new LocalDate(1980, 3, 14), Noms: Noms(noms));

    public static CourtResult Result(
        CourtOutcome outcome, string? establishment = "LEI", Instant? at = null, PersonParticulars? person = null, int line = 2,
        string court = "B13HT", string file = "results.csv") =>
        new(new SourceRef(file, line), court, new LocalDate(2026, 12, 10), "URN1", person ?? Person(), outcome, establishment, null, null, at ?? Now);

    public static DischargeMovement Discharge(
        MovementType type, string reason, string to, Instant? at = null, string prison = "LEI", PersonParticulars? person = null,
        int line = 2, LocalDate? releaseDate = null, string file = "discharges.csv") =>
        new(new SourceRef(file, line), prison, person ?? Person(), at ?? Now, type, reason, to, releaseDate);

    public static CourtListing Listing(
        string court = "B13WF", Instant? start = null, PersonParticulars? person = null, bool inCustody = false, string path = "$.courtLists[0]") =>
        new(new SourceRef("list.json", JsonPath: path), court, "A court", start ?? Instant.FromUtc(2026, 12, 14, 10, 0), "Trial", "URN2",
            person ?? Person(), inCustody, null);

    public static Plan Plan(
        IReadOnlyList<Client> register, IEnumerable<CourtResult>? results = null, IEnumerable<DischargeMovement>? discharges = null,
        IEnumerable<CourtListing>? listings = null, SpocDirectory? directory = null, Instant? now = null, PlanOptions? options = null) =>
        Planner.Plan(
            new PlanInputs([.. listings ?? []], [.. results ?? []], [.. discharges ?? []], []),
            directory ?? Directory(), register, Calendar, now ?? Now, options);
}
