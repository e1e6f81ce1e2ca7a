using BenchmarkDotNet.Attributes;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.BankHolidays;
using NodaTime;

namespace ContinuityOfCare.Benchmarks.Deadlines;

/// <summary>
/// docs/deadlines.md "Performance": deadlines for 1,000,000 obligations (every rule, starts spread over 2025–2028 at minute
/// resolution). One invocation computes all of them with OperationsPerInvoke = 1,000,000, so Mean is the time per
/// obligation and obligations per second = 1 s / Mean. Run: <c>dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- --filter '*DeadlineBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DeadlineBenchmarks
{
    private const int Obligations = 1_000_000;

    private WorkingCalendar _calendar = null!;
    private DeadlineRule[] _rules = null!;
    private Instant[] _starts = null!;
    private LocalDate[] _releaseDates = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _calendar = await BankHolidayCalendarLoader.LoadSnapshotAsync(CancellationToken.None).ConfigureAwait(false);
        var catalogue = ObligationCatalogue.Default;
        var random = new Random(20261224);
        var from = Instant.FromUtc(2025, 1, 1, 0, 0);
        var minutes = (int)(Instant.FromUtc(2028, 11, 1, 0, 0) - from).TotalMinutes;
        _rules = new DeadlineRule[Obligations];
        _starts = new Instant[Obligations];
        _releaseDates = new LocalDate[Obligations];
        for (var i = 0; i < Obligations; i++)
        {
            _rules[i] = catalogue.Rules[i % catalogue.Count].Deadline;
            _starts[i] = from + Duration.FromMinutes(random.Next(minutes));
            _releaseDates[i] = LondonTime.ToLocal(_starts[i]).Date.PlusDays(random.Next(1, 60));
        }
    }

    /// <summary>Due instants (with explanations) for one million obligations.</summary>
    [Benchmark(OperationsPerInvoke = Obligations)]
    public long DueForOneMillionObligations()
    {
        long checksum = 0;
        for (var i = 0; i < Obligations; i++)
        {
            checksum += DeadlineCalculator.Due(_rules[i], _starts[i], _calendar, _releaseDates[i]).Due.ToUnixTimeTicks() & 0xFF;
        }

        return checksum;
    }
}
