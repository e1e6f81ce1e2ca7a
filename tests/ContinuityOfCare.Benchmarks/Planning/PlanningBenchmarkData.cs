using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Samples;
using NodaTime;

namespace ContinuityOfCare.Benchmarks.Planning;

/// <summary>
/// Deterministic generated data for <see cref="PlanningBenchmarks"/> (docs/benchmarks.md "Planning: court list vs register"): a register of 1,000,000
/// fictional clients and a Magistrates court list of 100,000 defendants in which 10% are register clients (exact name +
/// DOB, half also with a PNC), 2% are near misses (DOB one day out) and the rest strangers. Files are written once per
/// machine into a cache folder under the temp directory (each BenchmarkDotNet process reuses them), with the sample
/// generator's own writers so they are in exactly the formats the parsers read.
/// </summary>
internal static class PlanningBenchmarkData
{
    public const int RegisterSize = 1_000_000;
    public const int Defendants = 100_000;
    public const string CourtCode = "B13HT";

    private static readonly string[] Starts = ["Ash", "Bar", "Cal", "Dun", "Ell", "Far", "Gar", "Hal", "Ing", "Jen", "Kil", "Lan", "Mar", "Nor", "Ost", "Pen", "Quin", "Ros", "Sel", "Tal", "Ull", "Ven", "Wal", "Yar", "Ald", "Bro", "Cro", "Dal", "Ent", "Fox", "Gil", "Hun", "Ire", "Jar", "Kent", "Lon", "Mel", "Nev", "Orm", "Pry", "Rad", "Sto", "Thor", "Upt", "Wes", "Bel", "Cas", "Dor", "Eas", "Fen", "Gos", "Har", "Kes", "Lin", "Mor", "New", "Old", "Pol", "Red", "Sut"];
    private static readonly string[] Ends = ["by", "ton", "ley", "wood", "field", "ham", "well", "ford", "son", "er", "man", "worth", "brook", "cott", "dale", "more", "stone", "bury", "hurst", "wick", "land", "ridge", "shaw", "thorpe", "combe", "den", "gate", "holm", "ings", "low", "mere", "ness", "over", "port", "rick", "side", "ster", "thwaite", "ville", "wain", "ward", "wright", "yard", "croft", "garth", "hay", "kirk", "lake", "mill", "nash", "pool", "rigg", "sett", "tree", "vale", "way", "well", "wold", "burn", "cliff"];
    private static readonly string[] Forenames = [.. "Aaron Abigail Adam Aidan Alan Alex Alice Amelia Amir Amy Andrew Anna Arthur Ava Ben Beth Bilal Callum Carl Carol Charlie Chloe Chris Claire Colin Connor Craig Daisy Dale Daniel Darren David Dean Declan Dylan Eden Elijah Ella Emily Emma Eric Ethan Evie Faye Finn Fiona Frank Freya Gary Gemma George Grace Hannah Harry Hayley Helen Henry Holly Ian Imran Isaac Isla Jack Jacob Jade James Jamie Jason Jay Jenny Jessica Joe John Jordan Joseph Josh Julie Karen Kate Keith Kelly Kevin Kieran Kyle Laura Lee Leo Liam Lily Lisa Logan Louise Luke Mark Martin Mason Matthew Megan Mia Michael Mohammed Molly Nathan Neil Nicola Noah Oliver Olivia Oscar Owen Paul Peter Phoebe Rachel Reece Rhys Richard Robert Rose Ruby Ryan Sam Sarah Scott Sean Shane Sophie Stacey Stephen Steven Stuart Tariq Thomas Toby Tom Tony Tyler Victoria Wayne William Zara Zoe".Split(' ')];

    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "coc-planning-benchmark-v1");

    public static string RegisterFile => Path.Combine(CacheFolder, "clients.csv");

    public static string CourtListFile => Path.Combine(CacheFolder, $"{CourtCode}__2026-12-24.json");

    public static Instant Now { get; } = Instant.FromUtc(2026, 12, 23, 17, 0);

    /// <summary>The register, generated (deterministic, seed 4).</summary>
    public static Client[] Register()
    {
        var random = new Random(4);
        var clients = new Client[RegisterSize];
        var cjits = new[] { "LEEDS", "BRADFORD", "WAKEFIELD", "SHEFFIELD" };
        var prisons = new[] { "LEI", "WDI", "DNI", "MRI" };
        for (var i = 0; i < clients.Length; i++)
        {
            var consent = random.Next(10) == 0
                ? Consent.None
                : new Consent(true, new HashSet<OrgType> { OrgType.Cjit, OrgType.PrisonSmt }, new LocalDate(2026, 1, 2));
            clients[i] = new Client(
                string.Create(CultureInfo.InvariantCulture, $"CL{i:0000000}"),
                Surname(random), Forename(random), DateOfBirth(random), null,
                PncId.Create(1990 + (i % 35), i % 9_999_999),
                i % 2 == 0 ? CroNumber.Create(i % 100, i % 999_999) : null,
                Noms(i),
                string.Create(CultureInfo.InvariantCulture, $"LS{random.Next(1, 30)} {random.Next(1, 9)}AB"),
                cjits[random.Next(cjits.Length)],
                random.Next(5) == 0 ? prisons[random.Next(prisons.Length)] : null,
                null, consent, null, random.Next(20) == 0);
        }

        return clients;
    }

    /// <summary>The court list's defendants for <paramref name="register"/> (deterministic, seed 5).</summary>
    public static List<CourtListing> Listings(Client[] register)
    {
        var random = new Random(5);
        var start = Instant.FromUtc(2026, 12, 24, 9, 0);
        var listings = new List<CourtListing>(Defendants);
        for (var i = 0; i < Defendants; i++)
        {
            PersonParticulars person;
            if (i % 10 == 0)
            {
                var client = register[random.Next(register.Length)];
                person = new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth, Pnc: i % 20 == 0 ? client.Pnc : null);
            }
            else if (i % 50 == 1)
            {
                var client = register[random.Next(register.Length)];
                person = new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth.PlusDays(1));
            }
            else
            {
                person = new PersonParticulars(Surname(random), Forename(random), DateOfBirth(random));
            }

            // 1,000 distinct sitting times: ~100 defendants per sitting, the unit the streaming parser holds.
            listings.Add(new CourtListing(new SourceRef("list.json"), CourtCode, "Leeds Magistrates' Court",
                start + Duration.FromSeconds(i % 1000), "Trial", string.Create(CultureInfo.InvariantCulture, $"13AA{i:000000}"), person, false, null));
        }

        return listings;
    }

    public static SpocDirectory Directory() => new(1,
    [
        Entry("LEEDS", OrgType.Cjit, "leeds@leeds.cjsm.net", [.. Enumerable.Range(1, 15).Select(n => $"LS{n}")], [CourtCode]),
        Entry("BRADFORD", OrgType.Cjit, "bradford@bradford.cjsm.net", [.. Enumerable.Range(16, 15).Select(n => $"LS{n}")], ["B13BR"]),
        Entry("WAKEFIELD", OrgType.Cjit, "wakefield@nhs.net", [], []),
        Entry("SHEFFIELD", OrgType.Cjit, "sheffield@sheffield.cjsm.net", [], ["B14SH"]),
        Entry("LEI", OrgType.PrisonSmt, "smt@leeds.justice.gov.uk", [], []),
        Entry("WDI", OrgType.PrisonSmt, "smt@wakefield.justice.gov.uk", [], []),
        Entry("DNI", OrgType.PrisonSmt, "smt@doncaster.justice.gov.uk", [], []),
        Entry("MRI", OrgType.PrisonSmt, "smt@manchester.justice.gov.uk", [], []),
        Entry("REGION", OrgType.RegionalTeam, "dip@region.gov.uk", [], []),
    ]);

    /// <summary>Writes the register CSV and the court list JSON once; later calls reuse them.</summary>
    public static async Task EnsureFilesAsync()
    {
        if (File.Exists(RegisterFile) && File.Exists(CourtListFile))
        {
            return;
        }

        System.IO.Directory.CreateDirectory(CacheFolder);
        var register = Register();
        var registerTemp = RegisterFile + ".tmp";
        var writer = new StreamWriter(registerTemp, false, new UTF8Encoding(false), 1 << 20);
        await using (writer.ConfigureAwait(false))
        {
            await SampleFileWriter.WriteClientsAsync(writer, register, CancellationToken.None).ConfigureAwait(false);
        }

        var listTemp = CourtListFile + ".tmp";
        var stream = File.Create(listTemp);
        await using (stream.ConfigureAwait(false))
        {
            using var json = new Utf8JsonWriter(stream);
            SampleFileWriter.WriteMagistratesList(json, Listings(register));
        }

        File.Move(registerTemp, RegisterFile, overwrite: true);
        File.Move(listTemp, CourtListFile, overwrite: true);
    }

    private static DirectoryEntry Entry(string code, OrgType type, string email, string[] districts, string[] courts) =>
        new(code, type, code, "SPOC", email, "0113 000 0000", null, email, districts, courts, [], new LocalDate(2026, 1, 1));

    private static string Surname(Random random) => Starts[random.Next(Starts.Length)] + Ends[random.Next(Ends.Length)];

    private static string Forename(Random random) => Forenames[random.Next(Forenames.Length)];

    private static LocalDate DateOfBirth(Random random) => new LocalDate(1960, 1, 1).PlusDays(random.Next(16_800));

    // Unique for every i below 26 × 10,000 × 676.
    private static NomsNumber Noms(int i)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{(char)('A' + (i % 26))}{i / 26 % 10_000:0000}{(char)('A' + (i / 260_000 % 26))}{(char)('A' + (i / 6_760_000 % 26))}");
        return NomsNumber.TryParse(text, out var noms, out _) ? noms : throw new InvalidOperationException("generated an invalid NOMS number");
    }
}
