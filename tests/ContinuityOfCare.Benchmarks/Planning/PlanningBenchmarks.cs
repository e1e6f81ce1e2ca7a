using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using CsvHelper;

namespace ContinuityOfCare.Benchmarks.Planning;

/// <summary>
/// Measured side by side in one run (docs/benchmarks.md "Planning: court list vs register"): a court list of 100,000
/// defendants against a register of 1,000,000 clients.
/// <list type="bullet">
/// <item>(a) category <c>CourtList</c>: parse the court list (streaming) + match + plan, against the prebuilt index ÷
/// <c>JsonDocument.Parse</c> of the same bytes (baseline). Goal ≤ 2.0.</item>
/// <item>(b) category <c>Register</c>: parse the register CSV straight into the matching index (a columnar register,
/// <see cref="ClientRegisterCsvParser.LoadIndexAsync"/>) ÷ a bare CsvHelper read of every field of the same file
/// (baseline). Goal ≤ 1.5. For comparison, the route through one <see cref="Client"/> per row and
/// <see cref="MatchingIndex.Build"/>.</item>
/// <item>Breakdown rows in the same categories (not goals): the court list parser alone, planning alone over
/// pre-parsed listings, the register parser alone, and the index build alone over pre-parsed clients — so one run shows
/// where the time goes.</item>
/// <item>(c) MemoryDiagnoser's allocations per operation, plus the process peak working set printed after each
/// benchmark (look for "PeakWorkingSet" in the log).</item>
/// </list>
/// Run: <c>dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- --filter '*PlanningBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(PlanningBenchmarkConfig))]
public class PlanningBenchmarks
{
    private byte[] _courtList = null!;
    private byte[] _register = null!;
    private MatchingIndex _index = null!;
    private Client[] _clients = null!;
    private IReadOnlyList<CourtListing> _listings = null!;
    private SpocDirectory _directory = null!;
    private WorkingCalendar _calendar = null!;
    private readonly IngestionOptions _options = new() { MaxFileBytes = 1L << 30 };

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await PlanningBenchmarkData.EnsureFilesAsync().ConfigureAwait(false);
        _courtList = await File.ReadAllBytesAsync(PlanningBenchmarkData.CourtListFile).ConfigureAwait(false);
        _register = await File.ReadAllBytesAsync(PlanningBenchmarkData.RegisterFile).ConfigureAwait(false);
        _directory = PlanningBenchmarkData.Directory();
        _calendar = await BankHolidayCalendarLoader.LoadSnapshotAsync(CancellationToken.None).ConfigureAwait(false);
        _clients = PlanningBenchmarkData.Register();
        _index = MatchingIndex.Build(_clients);
        _listings = (await ParseCourtListAsync().ConfigureAwait(false)).Records;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// PeakWorkingSet {process.PeakWorkingSet64 / (1024 * 1024)} MB (court list {_courtList.Length / (1024 * 1024)} MB, register {_register.Length / (1024 * 1024)} MB)"));
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse(court list)")]
    [BenchmarkCategory("CourtList")]
    public int ParseCourtListDom()
    {
        using var document = JsonDocument.Parse(_courtList);
        return document.RootElement.GetArrayLength("courtLists");
    }

    [Benchmark(Description = "parse + match + plan(court list)")]
    [BenchmarkCategory("CourtList")]
    public async Task<int> PlanCourtList()
    {
        var listings = await ParseCourtListAsync().ConfigureAwait(false);
        var plan = Planner.Plan(new PlanInputs(listings.Records, [], [], listings.Rejections), _directory, _index, _calendar, PlanningBenchmarkData.Now);
        return plan.Alerts.Count;
    }

    [Benchmark(Description = "breakdown: court list parser only")]
    [BenchmarkCategory("CourtList")]
    public async Task<int> ParseCourtListOnly() => (await ParseCourtListAsync().ConfigureAwait(false)).Records.Count;

    [Benchmark(Description = "breakdown: match + plan only")]
    [BenchmarkCategory("CourtList")]
    public int PlanOnly() =>
        Planner.Plan(new PlanInputs(_listings, [], [], []), _directory, _index, _calendar, PlanningBenchmarkData.Now).Alerts.Count;

    [Benchmark(Description = "breakdown (clients): register parser only")]
    [BenchmarkCategory("Register")]
    public async Task<int> ParseRegisterOnly()
    {
        using var stream = new MemoryStream(_register, writable: false);
        var clients = await IngestionResult<Client>.CollectAsync("clients.csv",
            new ClientRegisterCsvParser(_options).ParseAsync(stream, "clients.csv")).ConfigureAwait(false);
        return clients.Records.Count;
    }

    [Benchmark(Description = "breakdown (clients): index build only")]
    [BenchmarkCategory("Register")]
    public int BuildIndexOnly() => MatchingIndex.Build(_clients).Count;

    [Benchmark(Baseline = true, Description = "bare CsvHelper read(register)")]
    [BenchmarkCategory("Register")]
    public async Task<int> ReadRegisterBare()
    {
        // The same reader the parsers use (CsvHelper 34, RFC 4180), materialising every cell as a string.
        using var stream = new MemoryStream(_register, writable: false);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', HasHeader = true, Mode = CsvMode.Rfc4180 }, leaveOpen: true);
        await csv.ReadHeaderAsync().ConfigureAwait(false);
        var count = 0;
        while (await csv.ReadAsync().ConfigureAwait(false))
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                count += csv.GetString(i).Length;
            }
        }

        return count;
    }

    [Benchmark(Description = "parse register + build index")]
    [BenchmarkCategory("Register")]
    public async Task<int> LoadRegisterAndIndex()
    {
        using var stream = new MemoryStream(_register, writable: false);
        return (await new ClientRegisterCsvParser(_options).LoadIndexAsync(stream, "clients.csv").ConfigureAwait(false)).Index.Count;
    }

    [Benchmark(Description = "comparison: parse into clients + build index from them")]
    [BenchmarkCategory("Register")]
    public async Task<int> LoadRegisterObjectsAndIndex()
    {
        using var stream = new MemoryStream(_register, writable: false);
        var clients = await IngestionResult<Client>.CollectAsync("clients.csv",
            new ClientRegisterCsvParser(_options).ParseAsync(stream, "clients.csv")).ConfigureAwait(false);
        return MatchingIndex.Build(clients.Records).Count;
    }

    private async Task<IngestionResult<CourtListing>> ParseCourtListAsync()
    {
        using var stream = new MemoryStream(_courtList, writable: false);
        return await IngestionResult<CourtListing>.CollectAsync("list.json",
            new CourtListParser(_options).ParseAsync(stream, "list.json", PlanningBenchmarkData.CourtCode)).ConfigureAwait(false);
    }
}
