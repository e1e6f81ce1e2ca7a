extern alias functionapp;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Samples;
using ContinuityOfCare.Testing;
using functionapp::ContinuityOfCare.Hub.State;
using functionapp::ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Benchmarks.Storage;

/// <summary>
/// docs/benchmarks.md "Storage: register import": the sample generator's register of N clients (deterministic seed)
/// written as the register CSV, parsed by the ingest step's parser, and upserted by the hub's
/// <see cref="ClientRegisterStore"/> into a fresh Azurite (in memory, started like the tests' fixture), side by side
/// with the previous upsert (<see cref="LegacyRegisterUpsert"/>, its own tables in the same Azurite). Three passes,
/// each timed for both: the first import (every row new), the same register again (nothing changed: nothing written),
/// and a register with every tenth client's postcode changed (a tenth rewritten, their index rows kept).
/// Then the whole register is loaded twice, as the route step's cache did (a whole-table scan) and does (one query
/// per bucket). <c>--transport</c> first compares single-row upserts with 100-row transactions on the same rows.
/// </summary>
internal static class RegisterImportHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Read(args, "--clients", 100_000);
        var seed = Read(args, "--seed", 7);
        var clients = await ParseAsync(SampleWorldGenerator.Generate(new SampleSettings(seed, count, 0)).Clients).ConfigureAwait(false);
        var changed = clients.Select((c, i) => i % 10 == 0 ? c with { HomePostcode = c.HomePostcode == "ZZ99 9ZZ" ? "ZZ98 9ZZ" : "ZZ99 9ZZ" } : c).ToList();

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync().ConfigureAwait(false);
        try
        {
            var key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
            var storage = HubStorage.ForConnectionString(azurite.ConnectionString);
            var current = await StoreAsync(storage, key, "current").ConfigureAwait(false);
            var legacyTables = await TablesAsync(storage, key, "legacy").ConfigureAwait(false);
            var legacy = new LegacyRegisterUpsert(legacyTables.Get(TableNames.Clients), legacyTables.Get(TableNames.ClientIndex),
                new KeyedHasher(legacyTables.Options.IndexKeyBytes()), legacyTables.Options.Parallelism);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"register import into Azurite: {clients.Count:N0} clients (seed {seed}), State:Parallelism {legacyTables.Options.Parallelism}, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
            if (args.Contains("--transport"))
            {
                await TransportAsync(legacyTables.Get("transportone"), legacyTables.Get("transportbatch"), Math.Min(20_000, 4 * clients.Count), legacyTables.Options.Parallelism).ConfigureAwait(false);
            }

            var ok = true;
            foreach (var (label, register, expected) in new[]
            {
                ("first import (all new)", clients, clients.Count),
                ("same register again (unchanged)", clients, 0),
                ("every tenth client changed", changed, (clients.Count + 9) / 10),
            })
            {
                var before = await TimeAsync(() => legacy.UpsertAsync(register, CancellationToken.None)).ConfigureAwait(false);
                var after = await TimeAsync(() => current.UpsertAsync(register, CancellationToken.None)).ConfigureAwait(false);
                ok &= before.Written == expected && after.Written == expected;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label}: previous {before.Seconds:0.0} s ({register.Count / before.Seconds:N0} clients/s), current {after.Seconds:0.0} s ({register.Count / after.Seconds:N0} clients/s), ratio {after.Seconds / before.Seconds:0.00}; written {before.Written:N0} / {after.Written:N0} (expected {expected:N0}); load average {LoadAverage()}"));
            }

            // The route step's register load: the whole-table scan it used vs one query per bucket, same rows.
            var scan = Stopwatch.StartNew();
            var scanned = 0;
            await foreach (var _ in current.LoadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                scanned++;
            }

            var scanSeconds = scan.Elapsed.TotalSeconds;
            var byBucket = Stopwatch.StartNew();
            var loaded = (await current.LoadAllByBucketAsync(CancellationToken.None).ConfigureAwait(false)).Count;
            var bucketSeconds = byBucket.Elapsed.TotalSeconds;
            ok &= scanned == clients.Count && loaded == clients.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  load the whole register: table scan {scanSeconds:0.0} s, one query per bucket {bucketSeconds:0.0} s, ratio {bucketSeconds / scanSeconds:0.00}; {scanned:N0} / {loaded:N0} clients; load average {LoadAverage()}"));
            return ok ? 0 : 1;
        }
        finally
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<StateTables> TablesAsync(HubStorage storage, string key, string prefix)
    {
        var tables = new StateTables(storage, Options.Create(new StateOptions { IndexKey = key, TablePrefix = prefix }));
        await tables.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        return tables;
    }

    private static async Task<ClientRegisterStore> StoreAsync(HubStorage storage, string key, string prefix)
    {
        var tables = await TablesAsync(storage, key, prefix).ConfigureAwait(false);
        return new ClientRegisterStore(tables, new KeyedHasher(tables.Options.IndexKeyBytes()), NullLogger<ClientRegisterStore>.Instance);
    }

    private static async Task<(int Written, double Seconds)> TimeAsync(Func<Task<int>> upsert)
    {
        var clock = Stopwatch.StartNew();
        var written = await upsert().ConfigureAwait(false);
        return (written, clock.Elapsed.TotalSeconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// The same rows (index-like: 256 partitions) into two fresh tables, one upsert per request vs 100-row entity group
    /// transactions, each with <paramref name="parallelism"/> requests at once: what a round trip costs against
    /// what the emulator's per-row work costs.
    /// </summary>
    private static async Task TransportAsync(TableClient single, TableClient batched, int rows, int parallelism)
    {
        await single.CreateIfNotExistsAsync().ConfigureAwait(false);
        await batched.CreateIfNotExistsAsync().ConfigureAwait(false);
        var entities = Enumerable.Range(0, rows)
            .Select(i => new TableEntity("i" + (i % 256).ToString("x2", CultureInfo.InvariantCulture), i.ToString("D8", CultureInfo.InvariantCulture)) { ["ClientId"] = "C" + i.ToString(CultureInfo.InvariantCulture) })
            .ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(entities, options, async (row, ct) =>
            await single.UpsertEntityAsync(row, TableUpdateMode.Replace, ct).ConfigureAwait(false)).ConfigureAwait(false);
        var one = clock.Elapsed;
        clock.Restart();
        var chunks = entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(chunks, options, async (chunk, ct) =>
            await batched.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), ct).ConfigureAwait(false)).ConfigureAwait(false);
        var batch = clock.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  transport: {rows:N0} rows in 256 partitions — one upsert per request {one.TotalSeconds:0.0} s ({rows / one.TotalSeconds:N0} rows/s), {chunks.Count:N0} transactions {batch.TotalSeconds:0.0} s ({rows / batch.TotalSeconds:N0} rows/s)"));
    }

    private static async Task<IReadOnlyList<Client>> ParseAsync(IReadOnlyList<Client> generated)
    {
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        await SampleFileWriter.WriteClientsAsync(csv, generated, CancellationToken.None).ConfigureAwait(false);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()), writable: false);
        var parsed = await IngestionResult<Client>.CollectAsync("clients.csv", new ClientRegisterCsvParser().ParseAsync(stream, "clients.csv", CancellationToken.None)).ConfigureAwait(false);
        return parsed.Records;
    }

    private static int Read(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
