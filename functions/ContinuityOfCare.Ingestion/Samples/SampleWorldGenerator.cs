using System.Globalization;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>
/// Builds a consistent fictional world for demonstrations, tests and benchmarks, deterministically from a seed:
/// a client register (with and without consent, legal bases, PPOs, people in custody), court lists naming clients,
/// near misses (a client's name with the day and month of birth swapped, or a day out) and strangers, court results
/// for the hearings on Thu 24 Dec 2026 (remands, bail, sentences), and each prison's discharge export (releases,
/// transfers, trips to court, one death, one administrative merge). Dates sit around Christmas 2026 so the 24-hour
/// rule's bank-holiday behaviour shows (intended "now": 2026-12-24T17:00:00Z).
/// </summary>
public static class SampleWorldGenerator
{
    /// <summary>The day most hearings and movements fall on: Thursday 24 December 2026.</summary>
    public static readonly LocalDate MainDay = new(2026, 12, 24);

    /// <summary>A later list day, after the Christmas bank holidays: Tuesday 29 December 2026.</summary>
    public static readonly LocalDate LaterDay = new(2026, 12, 29);

    /// <summary>The "now" the samples are meant to be planned at.</summary>
    public static readonly Instant IntendedNow = Instant.FromUtc(2026, 12, 24, 17, 0);

    private static readonly LocalTime[] SittingTimes = [new(10, 0), new(11, 30), new(14, 0)];
    private static readonly string[] HearingTypes = ["First hearing", "Bail application", "Trial", "Sentence"];
    private static readonly string[] Scopes = ["CJIT;PRISON_SMT;PROBATION", "CJIT;PRISON_SMT", "CJIT"];
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>The file the Magistrates list of a court and day goes in (court-code sidecar convention).</summary>
    public static string CourtListFile(string courtCode, LocalDate day) => "court-lists/" + CourtListFileName.For(courtCode, InputDates.FormatIso(day));

    /// <summary>Builds the world.</summary>
    public static SampleWorld Generate(SampleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Clients);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Defendants);
        var random = new Random(settings.Seed);
        var ids = new UniqueIdentifiers(random);
        var clients = new List<Client>(settings.Clients);
        for (var i = 0; i < settings.Clients; i++)
        {
            clients.Add(MakeClient(random, ids, i));
        }

        var (listings, listedClients) = MakeListings(random, ids, clients, settings.Defendants);
        var results = MakeResults(random, listings, listedClients);
        var discharges = MakeDischarges(random, ids, clients, listings, listedClients);
        return new SampleWorld(SampleGeography.Directory, clients, listings, results, discharges);
    }

    private static Client MakeClient(Random random, UniqueIdentifiers ids, int index)
    {
        var male = random.NextDouble() < 0.7;
        var (surname, forenames) = MakeName(random, male);
        var dateOfBirth = new LocalDate(1966, 1, 1).PlusDays(random.Next(0, 38 * 365));
        var pnc = random.NextDouble() < 0.7 ? ids.Pnc() : (PncId?)null;
        var cro = random.NextDouble() < 0.25 ? ids.Cro() : (CroNumber?)null;
        var cjit = Pick(random, SampleGeography.Cjits.ToList());
        var postcode = $"{Pick(random, cjit.PostcodeDistricts)} {random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";
        var inCustody = random.NextDouble() < 0.35;
        var prison = inCustody ? Pick(random, SampleGeography.Prisons) : null;
        var noms = inCustody || random.NextDouble() < 0.2 ? ids.Noms() : (NomsNumber?)null;
        LocalDate? releaseDate = inCustody && random.NextDouble() < 0.4 ? MainDay.PlusDays(random.Next(-1, 21)) : null;

        var consent = Consent.None;
        LegalBasis? legalBasis = null;
        if (random.NextDouble() < 0.75)
        {
            var scope = Pick(random, Scopes).Split(';').Select(code => OrgTypeCodes.TryParse(code, out var type) ? type : default).ToHashSet();
            consent = new Consent(true, scope, new LocalDate(2026, 1, 5).PlusDays(random.Next(0, 330)));
        }
        else if (random.NextDouble() < 0.5)
        {
            legalBasis = Pick(random, [LegalBasis.RequiredAssessment, LegalBasis.RestrictionOnBail, LegalBasis.RiskOfHarm]);
        }

        return new Client(
            string.Create(CultureInfo.InvariantCulture, $"CL{index + 1:000000}"),
            surname,
            forenames,
            dateOfBirth,
            male ? "male" : "female",
            pnc,
            cro,
            noms,
            postcode,
            random.NextDouble() < 0.6 ? cjit.OrgCode : null,
            prison,
            releaseDate,
            consent,
            legalBasis,
            random.NextDouble() < 0.15);
    }

    private static (List<CourtListing> Listings, Dictionary<CourtListing, Client> ListedClients) MakeListings(
        Random random, UniqueIdentifiers ids, List<Client> clients, int count)
    {
        var listings = new List<CourtListing>(count);
        var listedClients = new Dictionary<CourtListing, Client>(ReferenceEqualityComparer.Instance);
        var clientKeys = clients.Select(c => (c.Surname, c.Forenames, c.DateOfBirth)).ToHashSet();
        var unlisted = Enumerable.Range(0, clients.Count).OrderBy(_ => random.Next()).ToList();
        for (var j = 0; j < count; j++)
        {
            var roll = random.NextDouble();
            var (courtCode, day, file) = roll switch
            {
                _ when j % 20 == 7 || j % 20 == 15 || j % 20 == 18 => (SampleGeography.LeedsCrown, MainDay, $"court-lists/{SampleGeography.LeedsCrown}__{InputDates.FormatIso(MainDay)}.json"),
                < 0.55 => (SampleGeography.LeedsMagistrates, MainDay, CourtListFile(SampleGeography.LeedsMagistrates, MainDay)),
                < 0.80 => (SampleGeography.BradfordMagistrates, MainDay, CourtListFile(SampleGeography.BradfordMagistrates, MainDay)),
                _ => (SampleGeography.SheffieldMagistrates, LaterDay, CourtListFile(SampleGeography.SheffieldMagistrates, LaterDay)),
            };
            var crown = courtCode == SampleGeography.LeedsCrown;
            var start = LondonLocalTime.ToInstant(day + Pick(random, SittingTimes));
            var kind = random.NextDouble();
            Client? client = null;
            PersonParticulars person;
            if (kind < 0.45 && unlisted.Count > 0)
            {
                // A client, listed under the register's particulars (with the PNC most of the time).
                client = clients[unlisted[^1]];
                unlisted.RemoveAt(unlisted.Count - 1);
                person = new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth, random.NextDouble() < 0.6 ? client.Pnc : null);
            }
            else if (kind < 0.55 && unlisted.Count > 0)
            {
                // A near miss: a client's name with a lenient date of birth (day/month swapped, or a day out): a possible match.
                var near = clients[unlisted[^1]];
                unlisted.RemoveAt(unlisted.Count - 1);
                var dob = near.DateOfBirth;
                var swapped = dob.Day <= 12 && dob.Day != dob.Month ? new LocalDate(dob.Year, dob.Day, dob.Month) : dob.PlusDays(1);
                person = new PersonParticulars(near.Surname, near.Forenames, swapped);
            }
            else
            {
                // Someone who is not a client: never kept beyond counts.
                PersonParticulars stranger;
                do
                {
                    var (surname, forenames) = MakeName(random, random.NextDouble() < 0.75);
                    stranger = new PersonParticulars(surname, forenames, new LocalDate(1960, 1, 1).PlusDays(random.Next(0, 45 * 365)), random.NextDouble() < 0.5 ? ids.Pnc() : null);
                }
                while (clientKeys.Contains((stranger.Surname!, stranger.Forenames!, stranger.DateOfBirth!.Value)));

                person = stranger;
            }

            if (!crown && random.NextDouble() < 0.3)
            {
                person = person with { Asn = ids.Asn(courtCode) };
            }

            if (crown && j % 20 == 15)
            {
                // formats.md §1: a masked Crown defendant (the name is in the file but must not be used for matching).
                person = person with { NameUsableForMatching = false };
            }

            var inCustody = client?.CurrentPrison is not null || random.NextDouble() < 0.1;
            var prisonCode = crown && inCustody ? client?.CurrentPrison ?? Pick(random, SampleGeography.Prisons) : null;
            var listing = new CourtListing(
                new SourceRef(file),
                courtCode,
                SampleGeography.CourtName(courtCode),
                start,
                Pick(random, HearingTypes),
                crown ? string.Create(CultureInfo.InvariantCulture, $"T2026{random.Next(1000, 9999)}") : string.Create(CultureInfo.InvariantCulture, $"13{courtCode[^2..]}{random.Next(1_000_000, 9_999_999)}"),
                person,
                inCustody,
                prisonCode);
            listings.Add(listing);
            if (client is not null)
            {
                listedClients[listing] = client;
            }
        }

        return (listings, listedClients);
    }

    private static List<CourtResult> MakeResults(Random random, List<CourtListing> listings, Dictionary<CourtListing, Client> listedClients)
    {
        var results = new List<CourtResult>();
        const string file = "court-results/court-results_2026-12-24.csv";
        foreach (var listing in listings)
        {
            var day = LondonLocalTime.ToLocal(listing.HearingStart).Date;
            if (day != MainDay || random.NextDouble() > (listedClients.ContainsKey(listing) ? 0.8 : 0.3))
            {
                continue;
            }

            var roll = random.NextDouble();
            var (outcome, establishment) = roll switch
            {
                < 0.30 => (CourtOutcome.RemandedInCustody, listing.PrisonCode ?? (random.NextDouble() < 0.5 ? "LEI" : "HMP Wakefield")),
                < 0.45 => (CourtOutcome.SentencedToCustody, (string?)Pick(random, SampleGeography.Prisons)),
                < 0.70 => (CourtOutcome.Bail, null),
                < 0.85 => (CourtOutcome.NonCustodial, null),
                _ => (CourtOutcome.Adjourned, null),
            };
            var person = listing.Person;
            var resultTime = listing.HearingStart.Plus(Duration.FromMinutes(45 + random.Next(0, 90)));
            results.Add(new CourtResult(
                new SourceRef(file),
                CourtOf(listing),
                day,
                listing.CaseReference,
                new PersonParticulars(person.Surname, person.Forenames, person.DateOfBirth, person.Pnc, Asn: person.Asn),
                outcome,
                establishment,
                outcome is CourtOutcome.Adjourned or CourtOutcome.RemandedInCustody or CourtOutcome.Bail ? new LocalDate(2027, 1, 7) : null,
                outcome is CourtOutcome.Adjourned or CourtOutcome.RemandedInCustody or CourtOutcome.Bail ? listing.CourtCode : null,
                resultTime));
        }

        return results;
    }

    private static List<DischargeMovement> MakeDischarges(
        Random random, UniqueIdentifiers ids, List<Client> clients, List<CourtListing> listings, Dictionary<CourtListing, Client> listedClients)
    {
        var movements = new List<DischargeMovement>();
        var listingByClient = listedClients.Where(pair => LondonLocalTime.ToLocal(pair.Key.HearingStart).Date == MainDay)
            .GroupBy(pair => pair.Value.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Key, StringComparer.Ordinal);
        var ending = 0;
        foreach (var prison in SampleGeography.Prisons)
        {
            var file = $"discharges/{prison}_{InputDates.FormatIso(MainDay)}.csv";
            foreach (var client in clients.Where(c => c.CurrentPrison == prison && c.Noms is not null))
            {
                var person = new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth, client.Pnc, Noms: client.Noms);
                if (listingByClient.TryGetValue(client.Id, out var listing))
                {
                    // 000 §PP10: sent to court on the morning of the hearing.
                    var morning = LondonLocalTime.ToInstant(MainDay + new LocalTime(7, 30 + random.Next(0, 30)));
                    movements.Add(new DischargeMovement(new SourceRef(file), prison, person, morning, MovementType.Court, "CRT", CourtOf(listing), null));
                    continue;
                }

                var roll = random.NextDouble();
                var day = random.NextDouble() < 0.5 ? MainDay.PlusDays(-1) : MainDay;
                var at = LondonLocalTime.ToInstant(day + new LocalTime(8 + random.Next(0, 6), random.Next(0, 4) * 15));
                switch (ending++)
                {
                    case 0:
                        // 000 §PP6: a death in custody (reason DEC).
                        movements.Add(new DischargeMovement(new SourceRef(file), prison, person, at, MovementType.Release, "DEC", "OUT", null));
                        continue;
                    case 1:
                        // An administrative merge of two records (reason MRG): not a movement, to be ignored.
                        movements.Add(new DischargeMovement(new SourceRef(file), prison, person, at, MovementType.Release, "MRG", "OUT", null));
                        continue;
                }

                if (roll < 0.5)
                {
                    var reason = Pick(random, ["CR", "SC", "HR", "NCS"]);
                    movements.Add(new DischargeMovement(new SourceRef(file), prison, person, at, MovementType.Release, reason, "OUT", day));
                }
                else if (roll < 0.8)
                {
                    var to = Pick(random, SampleGeography.Prisons.Where(p => p != prison).ToList());
                    movements.Add(new DischargeMovement(new SourceRef(file), prison, person, at, MovementType.Transfer, "NOTR", to, null));
                }
            }

            // Prisoners who are not clients: released, transferred.
            for (var k = 0; k < 2; k++)
            {
                var (surname, forenames) = MakeName(random, true);
                var stranger = new PersonParticulars(surname, forenames, new LocalDate(1970, 1, 1).PlusDays(random.Next(0, 35 * 365)), Noms: ids.Noms());
                var at = LondonLocalTime.ToInstant(MainDay.PlusDays(-1) + new LocalTime(9 + k, 0));
                movements.Add(k == 0
                    ? new DischargeMovement(new SourceRef(file), prison, stranger, at, MovementType.Release, "CR", "OUT", MainDay.PlusDays(-1))
                    : new DischargeMovement(new SourceRef(file), prison, stranger, at, MovementType.Transfer, "NOTR", SampleGeography.Prisons[0] == prison ? "WDI" : "LEI", null));
            }
        }

        return [.. movements.OrderBy(m => m.Source.SourceFile, StringComparer.Ordinal).ThenBy(m => m.MovedAt)];
    }

    private static (string Surname, string Forenames) MakeName(Random random, bool male)
    {
        var first = Pick(random, male ? SampleNames.MaleForenames : SampleNames.FemaleForenames);
        var forenames = random.NextDouble() < 0.3 ? first + " " + Pick(random, male ? SampleNames.MaleMiddleNames : SampleNames.FemaleMiddleNames) : first;
        return (Pick(random, SampleNames.Surnames), forenames);
    }

    private static string CourtOf(CourtListing listing) =>
        listing.CourtCode ?? throw new InvalidOperationException("generated listings always carry a court code");

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Identifiers with valid check characters, never repeated within one world.</summary>
    private sealed class UniqueIdentifiers(Random random)
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public PncId Pnc() => Unique(() => PncId.Create(random.Next(1998, 2027), random.Next(1, 9_999_999)), p => p.Value);

        public CroNumber Cro() => Unique(() => CroNumber.Create(random.Next(0, 27), random.Next(1, 999_999)), c => c.Value);

        public NomsNumber Noms() => Unique(
            () =>
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + random.Next(26))}{random.Next(1000, 10000)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}");
                return NomsNumber.TryParse(text, out var noms, out _) ? noms : throw new InvalidOperationException("generated NOMS number is malformed");
            },
            n => n.Value);

        /// <summary>An Arrest/Summons Number of the documented shape: year, force, station, system, sequence, check letter.</summary>
        public string Asn(string courtCode) => Unique(
            () => string.Create(CultureInfo.InvariantCulture, $"2613{courtCode[^2..]}00{random.Next(10_000_000, 99_999_999)}{random.Next(10, 99)}{(char)('A' + random.Next(26))}"),
            a => a);

        private T Unique<T>(Func<T> make, Func<T, string> key)
        {
            while (true)
            {
                var candidate = make();
                if (_used.Add(key(candidate)))
                {
                    return candidate;
                }
            }
        }
    }
}
