using System.Diagnostics;
using System.Globalization;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;

namespace ContinuityOfCare.Benchmarks.Planning;

/// <summary>
/// Planning's memory goal (docs/benchmarks.md "Planning (a), (b), (c)"): one process reads the 1,000,000-client
/// register from its file, builds the matching index, reads the 100,000-defendant court list from its file and plans
/// it, as a daily plan in a Functions instance would — then prints the peak working set (the kernel's high-water mark
/// of resident memory) after each phase, the GC's pause time and collections, and the bytes allocated. One measured
/// run, not BenchmarkDotNet: the figure is the process's peak, which a benchmark process's setup would distort.
/// Exit 0 when the register and the plan came out as expected.
/// </summary>
internal static class PlanMemoryHarness
{
    /// <param name="args"><c>--objects</c>: read the register into <see cref="Client"/> objects and build the index from
    /// them (the route before the columnar register), for a side-by-side figure; <c>--register-only</c>: stop after the
    /// register (to profile that phase alone).</param>
    public static async Task<int> RunAsync(string[] args)
    {
        var objects = args.Contains("--objects");
        await PlanningBenchmarkData.EnsureFilesAsync().ConfigureAwait(false);
        var options = new IngestionOptions { MaxFileBytes = 1L << 30 };
        var directory = PlanningBenchmarkData.Directory();
        var calendar = await BankHolidayCalendarLoader.LoadSnapshotAsync(CancellationToken.None).ConfigureAwait(false);
        Report("start", TimeSpan.Zero);

        var watch = Stopwatch.StartNew();
        MatchingIndex index;
        int registerRejections;
        if (objects)
        {
            var register = await IngestionResult<Client>.CollectAsync("clients.csv",
                new ClientRegisterCsvParser(options).ParseFileAsync(PlanningBenchmarkData.RegisterFile)).ConfigureAwait(false);
            index = MatchingIndex.Build(register.Records);
            registerRejections = register.Rejections.Count + register.Warnings.Count;
        }
        else
        {
            var register = await new ClientRegisterCsvParser(options).LoadIndexFileAsync(PlanningBenchmarkData.RegisterFile).ConfigureAwait(false);
            index = register.Index;
            registerRejections = register.Rejections.Count + register.Warnings.Count;
        }

        Report(objects ? "register → clients → index" : "register → columnar index", watch.Elapsed);

        if (args.Contains("--register-only"))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GC: pauses {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MB"));
            return index.Count == PlanningBenchmarkData.RegisterSize ? 0 : 1;
        }

        watch.Restart();
        var listings = await IngestionResult<CourtListing>.CollectAsync("list.json",
            new CourtListParser(options).ParseFileAsync(PlanningBenchmarkData.CourtListFile, PlanningBenchmarkData.CourtCode)).ConfigureAwait(false);
        Report("court list parsed", watch.Elapsed);

        watch.Restart();
        var plan = Planner.Plan(new PlanInputs(listings.Records, [], [], listings.Rejections), directory, index, calendar, PlanningBenchmarkData.Now);
        Report("matched + planned", watch.Elapsed);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clients {index.Count:N0} (rejections + warnings {registerRejections}), listings {listings.Records.Count:N0}, alerts {plan.Alerts.Count:N0}, matches {plan.Matches.Count:N0}, possible {plan.PossibleMatches.Count:N0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: pauses {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / (1024 * 1024):N0} MB, heap now {GC.GetTotalMemory(false) / (1024 * 1024):N0} MB"));
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// PeakWorkingSet {process.PeakWorkingSet64 / (1024 * 1024)} MB (goal ≤ 600 MB; a Flex Consumption instance has 2,048 MB); load average {LoadAverage()}"));
        return index.Count == PlanningBenchmarkData.RegisterSize && plan.Alerts.Count > 0 ? 0 : 1;
    }

    private static void Report(string phase, TimeSpan elapsed)
    {
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase,-32} {elapsed.TotalMilliseconds,8:N0} ms   working set {process.WorkingSet64 / (1024 * 1024),5} MB   peak {process.PeakWorkingSet64 / (1024 * 1024),5} MB   load {LoadAverage()}"));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
