extern alias functionapp;

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using functionapp::ContinuityOfCare.Hub.State;
using functionapp::ContinuityOfCare.Hub.Storage;

namespace ContinuityOfCare.Benchmarks.State;

/// <summary>
/// docs/benchmarks.md "State: the escalation sweep": the sweep's time with many open obligations of which 1,000 are overdue (it must
/// read the overdue ones, not all). Setup starts its own in-memory Azurite and opens N obligations through
/// <see cref="ObligationStore.OpenManyAsync"/> (all three tables: obligations, due index, owner index), printing the
/// load rate. N comes from <c>COC_SWEEP_OPEN</c> (comma-separated, default 10000). Run (docs/benchmarks.md):
/// <c>COC_SWEEP_OPEN=10000,200000 dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- --filter '*EscalationSweep*'</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class EscalationSweepBenchmarks
{
    /// <summary>Overdue obligations among the N open.</summary>
    public const int Overdue = 1_000;

    private static readonly Instant Now = Instant.FromUtc(2026, 12, 29, 10, 30);
    private AzuriteFixture _azurite = null!;
    private ObligationStore _store = null!;

    /// <summary>Open obligations in the tables (N).</summary>
    [ParamsSource(nameof(Sizes))]
    public int OpenObligations { get; set; }

    /// <summary>The N values to run, from <c>COC_SWEEP_OPEN</c>.</summary>
    public static IEnumerable<int> Sizes() =>
        (Environment.GetEnvironmentVariable("COC_SWEEP_OPEN") ?? "10000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => int.Parse(text, CultureInfo.InvariantCulture));

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        // Azurite keeps every row in a V8 heap: give it room for millions of rows.
        Environment.SetEnvironmentVariable("NODE_OPTIONS", "--max-old-space-size=16384");
        _azurite = new AzuriteFixture();
        await _azurite.InitializeAsync().ConfigureAwait(false);
        var options = new StateOptions
        {
            TablePrefix = _azurite.UniqueName("bench"),
            IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Parallelism = 4,
        };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [HubStorage.DefaultConnectionSetting] = _azurite.ConnectionString })
            .Build();
        var tables = new StateTables(HubStorage.ForConnectionString(_azurite.ConnectionString), Options.Create(options));
        await tables.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        _store = new ObligationStore(tables, NullLogger<ObligationStore>.Instance);

        var clock = Stopwatch.StartNew();
        const int Chunk = 20_000;
        for (var start = 0; start < OpenObligations; start += Chunk)
        {
            var openings = Enumerable.Range(start, Math.Min(Chunk, OpenObligations - start)).Select(Opening).ToList();
            await _store.OpenManyAsync(openings, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// state-load: {start + openings.Count:N0} of {OpenObligations:N0} opened in {clock.Elapsed.TotalSeconds:F1} s ({(start + openings.Count) / clock.Elapsed.TotalSeconds:F0} obligations/s, 3 rows each)"));
        }

        var check = await _store.ReadOverdueAsync(Now, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// state-sweep: N = {OpenObligations:N0}; overdue returned {check.Obligations.Count:N0}; due-index rows read {check.IndexRowsRead:N0}"));
        if (check.Obligations.Count != Overdue || check.IndexRowsRead != Overdue)
        {
            throw new InvalidOperationException("The sweep did not read exactly the overdue obligations.");
        }

        // The full read timed here too (5 runs), so one load gives both figures when only DueIndexQuery is run at large N.
        for (var run = 1; run <= 5; run++)
        {
            var timer = Stopwatch.StartNew();
            var sweep = await _store.ReadOverdueAsync(Now, CancellationToken.None).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// state-sweep-read: run {run}: {timer.Elapsed.TotalMilliseconds:F0} ms for {sweep.Obligations.Count:N0} obligations ({sweep.IndexRowsRead:N0} index rows + {sweep.Obligations.Count:N0} point reads)"));
        }
    }

    [GlobalCleanup]
    public Task CleanUpAsync() => _azurite.DisposeAsync();

    /// <summary>The due-index read alone: the rows the sweep reads (exactly the 1,000 overdue).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> DueIndexQuery()
    {
        var rows = 0;
        await foreach (var _ in _store.QueryOverdueAsync(Now, CancellationToken.None).ConfigureAwait(false))
        {
            rows++;
        }

        return rows == Overdue ? rows : throw new InvalidOperationException($"read {rows} rows");
    }

    /// <summary>The whole sweep read: the index rows, then one point read per overdue obligation (8 at a time).</summary>
    [Benchmark]
    public async Task<int> ReadOverdue()
    {
        var sweep = await _store.ReadOverdueAsync(Now, CancellationToken.None).ConfigureAwait(false);
        return sweep.Obligations.Count == Overdue ? sweep.Obligations.Count : throw new InvalidOperationException("wrong count");
    }

    /// <summary>Obligation i: the first 1,000 overdue (spread over the last 10 days and earlier today), the rest due over the next 60 days.</summary>
    private NewObligation Opening(int i)
    {
        var eventId = "bench-event-" + i.ToString(CultureInfo.InvariantCulture);
        var due = i < Overdue
            ? Now - Duration.FromMinutes(1 + (i * 14.4))
            : Now + Duration.FromMinutes(1 + ((long)(i - Overdue) * 86_400 / Math.Max(1, OpenObligations - Overdue)));
        var owner = "ORG" + (i % 40).ToString("D2", CultureInfo.InvariantCulture);
        var obligation = new Obligation(DeterministicIds.Obligation(RuleIds.CjitDirToPrison, eventId), RuleIds.CjitDirToPrison, owner, due - Duration.FromDays(1), due, false, ObligationPriority.Standard);
        return new NewObligation(obligation, "client-" + i.ToString(CultureInfo.InvariantCulture), eventId, "Send the DIR to the prison SMT");
    }
}
