extern alias functionapp;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Testing;
using functionapp::ContinuityOfCare.Hub.Console;
using functionapp::ContinuityOfCare.Hub.State;
using functionapp::ContinuityOfCare.LocalRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Benchmarks.OperatorConsole;

/// <summary>
/// docs/console.md "Measured": time to first byte of the console's list pages with many obligations and tasks in
/// storage — the local runner on a real Azurite (as <c>npm start</c> runs it), the obligations opened through the
/// hub's own store (owner and due indexes included), tasks written as the route step writes them. A share of the
/// obligations (<c>--closed</c> tenths, default 6: four fulfilled on time, one late, one cancelled in every ten of a
/// team's) is then closed through the store's own fulfil and cancel, as in a region where most obligations are done;
/// the rest stay open. Each page is
/// requested <c>--requests</c> times after one warm-up; p50 and p95 of the time until the response headers arrive.
/// The Today page is measured too, with <c>--prisons</c> prison SMTs in the live directory, each of which sent a
/// discharge export covering yesterday through the real inbox (so its feed section has that many exports to show),
/// on its normal path: the Today counts stored (counted once after seeding, as the <c>TodayRecount</c> timer does; the
/// count's own time is printed separately).
/// Run: <c>dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- console [--obligations N] [--closed TENTHS] [--tasks N] [--prisons N] [--requests N]</c>.
/// </summary>
internal static class ConsoleTtfbHarness
{
    private const int Teams = 50;

    public static async Task<int> RunAsync(string[] args)
    {
        var obligationCount = Read(args, "--obligations", 100_000);
        var taskCount = Read(args, "--tasks", 10_000);
        var requests = Read(args, "--requests", 50);
        var prisons = Read(args, "--prisons", 100);
        var closedTenths = Math.Clamp(Read(args, "--closed", 6), 0, 10);
        var now = Instant.FromUtc(2026, 12, 24, 17, 0);

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync().ConfigureAwait(false);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["LocalRunner:ApiKey"] = "ttfb",
            ["State:IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = "25",
            ["Mail:Smtp:RequireStartTls"] = "false",
            ["Mail:Smtp:SenderAddress"] = "hub@example.gov.uk",
            ["Acknowledgements:CurrentKeyId"] = "ttfb",
            ["Acknowledgements:Keys:ttfb"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:LogLevel:Default"] = "Error",
        });
        builder.AddLocalRunner();
        builder.Services.AddSingleton<IClock>(new NodaTime.Testing.FakeClock(now));
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        await using var app = builder.Build();
        app.MapLocalRunner();
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        try
        {
            var seed = Stopwatch.StartNew();
            await SeedObligationsAsync(app.Services.GetRequiredService<ObligationStore>(), obligationCount, now).ConfigureAwait(false);
            var opened = seed.Elapsed;
            var closed = await CloseShareAsync(app.Services.GetRequiredService<ObligationStore>(), obligationCount, closedTenths, now).ConfigureAwait(false);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Closed {closed:N0} of them through the store's fulfil and cancel in {(seed.Elapsed - opened).TotalSeconds:F0} s"));
            await SeedTasksAsync(app.Services.GetRequiredService<TaskStore>(), taskCount, now).ConfigureAwait(false);
            await SeedDischargeExportsAsync(app.Services, prisons).ConfigureAwait(false);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {obligationCount:N0} obligations ({Teams} teams), {taskCount:N0} open tasks and {prisons} prisons' discharge exports in {seed.Elapsed.TotalSeconds:F0} s"));

            // The Today page reads the figures the TodayRecount timer stores every 5 minutes: count them once, as the
            // timer would, so the page is measured on its normal path (figures present), and report the count's own time.
            var counting = Stopwatch.StartNew();
            var counts = await app.Services.GetRequiredService<TodayCounter>().CountAsync(CancellationToken.None).ConfigureAwait(false);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Today counts (the TodayRecount timer's work, not in the page's time): {counts.Obligations.Sum(t => t.Overdue):N0} overdue and {counts.Obligations.Sum(t => t.DueLaterToday):N0} due later today in {counts.Obligations.Count} teams, {counts.Tasks.Sum(t => t.Open):N0} open tasks, counted in {counting.Elapsed.TotalMilliseconds:F0} ms"));

            var user = new ConsoleUser("ttfb", true, new HashSet<string>(), "ttfb-session");
            var header = app.Services.GetRequiredService<ConsoleAuthenticator>().SessionCookieFor(user, https: false);
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Add("Cookie", header[..header.IndexOf(';', StringComparison.Ordinal)]);
            // Lists read in due order page by continuation token: the tenth page is reached as a user does, by "Next".
            string[] pages =
            [
                "/api/console/obligations",
                "/api/console/obligations?team=TEAM07",
                await FollowNextAsync(client, "/api/console/obligations?team=TEAM07", 9).ConfigureAwait(false),
                await FollowNextAsync(client, "/api/console/obligations", 9).ConfigureAwait(false),
                "/api/console/obligations?team=TEAM07&rule=" + RuleIds.All[1] + "&sort=due-desc",
                "/api/console/obligations?status=overdue",
                "/api/console/obligations?sort=due-desc",
                await FollowNextAsync(client, "/api/console/obligations?sort=due-desc", 9).ConfigureAwait(false),
                "/api/console/obligations?status=overdue&sort=due-desc",
                "/api/console/obligations?team=TEAM07&status=fulfilled",
                "/api/console/obligations?team=TEAM07&status=fulfilled&sort=due-desc",
                "/api/console/tasks",
                await FollowNextAsync(client, "/api/console/tasks", 9).ConfigureAwait(false),
                "/api/console/tasks?team=TEAM07",
                "/api/console/today",
            ];
            System.Console.WriteLine($"| page | p50 ms | p95 ms | bytes |");
            System.Console.WriteLine($"|---|---|---|---|");
            foreach (var page in pages)
            {
                await MeasureAsync(client, page, 1).ConfigureAwait(false);
                var (times, bytes) = await MeasureAsync(client, page, requests).ConfigureAwait(false);
                times.Sort();
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{page}` | {Percentile(times, 0.50):F0} | {Percentile(times, 0.95):F0} | {bytes:N0} |"));
            }
        }
        finally
        {
            await app.StopAsync().ConfigureAwait(false);
            await azurite.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<(List<double> Times, long Bytes)> MeasureAsync(HttpClient client, string page, int count)
    {
        var times = new List<double>(count);
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(page, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
            }

            bytes = (await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length;
        }

        return (times, bytes);
    }

    /// <summary>
    /// The address <paramref name="times"/> "Next page" links on from <paramref name="page"/>, or the last page when the
    /// list is shorter (its address names the page reached: with most obligations closed at a reduced size, a team has
    /// fewer than ten pages of open ones).
    /// </summary>
    private static async Task<string> FollowNextAsync(HttpClient client, string page, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var html = await client.GetStringAsync(page).ConfigureAwait(false);
            var next = System.Text.RegularExpressions.Regex.Match(html, "href=\"([^\"]+)\" rel=\"next\"");
            if (!next.Success)
            {
                return page;
            }

            page = System.Net.WebUtility.HtmlDecode(next.Groups[1].Value);
        }

        return page;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task SeedObligationsAsync(ObligationStore store, int count, Instant now)
    {
        // Due instants spread over 60 days around "now": some overdue, most ahead, as a busy region would have.
        const int chunk = 5_000;
        for (var start = 0; start < count; start += chunk)
        {
            var openings = Enumerable.Range(start, Math.Min(chunk, count - start)).Select(i =>
            {
                var team = "TEAM" + (i % Teams).ToString("D2", CultureInfo.InvariantCulture);
                var due = SeedDue(i, now);
                var obligation = new Obligation($"ttfb-{i:D7}", RuleIds.All[i % RuleIds.All.Count], team, due - Duration.FromDays(1), due, false, ObligationPriority.Standard);
                return new NewObligation(obligation, $"C-{i % 20_000:D6}", $"event-{i:D7}", "measure");
            });
            await store.OpenManyAsync(openings, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes <paramref name="tenths"/> of every ten of each team's obligations (by their place in the team, so every
    /// team gets the same share): slot 4 fulfilled an hour late, slot 5 cancelled, every other slot fulfilled an hour
    /// before due. Returns how many were closed.
    /// </summary>
    private static async Task<int> CloseShareAsync(ObligationStore store, int count, int tenths, Instant now)
    {
        var closing = Enumerable.Range(0, count).Where(i => i / Teams % 10 < tenths).ToList();
        await Parallel.ForEachAsync(closing, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var id = $"ttfb-{i:D7}";
            var due = SeedDue(i, now);
            _ = (i / Teams % 10) switch
            {
                4 => await store.FulfilAsync(id, due + Duration.FromHours(1), "measure", null, ct).ConfigureAwait(false),
                5 => await store.CancelAsync(id, now, "measure", null, ct).ConfigureAwait(false),
                _ => await store.FulfilAsync(id, due - Duration.FromHours(1), "measure", null, ct).ConfigureAwait(false),
            };
        }).ConfigureAwait(false);
        return closing.Count;
    }

    private static Instant SeedDue(int i, Instant now) => now + Duration.FromMinutes((i * 7919L % (60 * 24 * 60)) - (10 * 24 * 60));

    private static async Task SeedTasksAsync(TaskStore store, int count, Instant now) =>
        // Through the hub's own store, as the route step adds them (one partition per client).
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.AddAsync(i % 3 == 0 ? "CONSENT_MISSING" : i % 3 == 1 ? "UNROUTABLE" : "INSECURE_RECIPIENT",
                "TEAM" + (i % Teams).ToString("D2", CultureInfo.InvariantCulture), $"C-{i % 2_000:D6}", $"measure {i}", null, now, ct).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>
    /// <paramref name="count"/> prison SMTs added to the samples' directory, and one discharge export from each covering
    /// yesterday (23 Dec; five releases of people not in the register, so nothing is routed), dropped in the inbox and
    /// ingested by the hub's own blob trigger and ingest step.
    /// </summary>
    private static async Task SeedDischargeExportsAsync(IServiceProvider services, int count)
    {
        if (count == 0)
        {
            return;
        }

        var storage = services.GetRequiredService<functionapp::ContinuityOfCare.Hub.Storage.HubStorage>();
        var codes = Enumerable.Range(0, count).Select(i => "Q" + (char)('A' + (i / 26 % 26)) + (char)('A' + (i % 26))).ToList();
        var samples = Path.Combine(RepositoryRoot.Path, "samples");
        var directory = (await File.ReadAllTextAsync(Path.Combine(samples, "directory.csv")).ConfigureAwait(false)).TrimEnd('\n', '\r') + "\n"
            + string.Concat(codes.Select(code => $"{code},PRISON_SMT,HMP {code} Substance Misuse Team,SMT lead,smt.{code.ToLowerInvariant()}@justice.gov.uk,0113 496 0505,,smt.{code.ToLowerInvariant()}.manager@justice.gov.uk,,,,2026-12-01\n"));
        await UploadAsync(storage, "directory", "directory-ttfb.csv", directory).ConfigureAwait(false);
        var directories = services.GetRequiredService<functionapp::ContinuityOfCare.Hub.Directory.DirectoryStore>();
        await WaitAsync(async () => (await directories.LoadLiveAsync(CancellationToken.None).ConfigureAwait(false)).Live is not null, "the directory import").ConfigureAwait(false);

        var files = services.GetRequiredService<IngestedFileStore>();
        var shas = new List<string>();
        foreach (var code in codes)
        {
            var export = "prison_code,noms_number,surname,forenames,date_of_birth,pnc,movement_date,movement_time,movement_type,movement_reason_code,to_agency,release_date\n"
                + string.Concat(Enumerable.Range(0, 5).Select(i => $"{code},Z{i}{code}ZZ,Nobody,Person,1980-01-0{i + 1},,2026-12-23,09:0{i},REL,CR,OUT,2026-12-23\n"));
            shas.Add(await UploadAsync(storage, "discharges", $"{code}_2026-12-24.csv", export).ConfigureAwait(false));
        }

        foreach (var sha in shas)
        {
            await WaitAsync(async () => await files.GetAsync(sha, CancellationToken.None).ConfigureAwait(false) is { Status: not IngestedFileStatus.Claimed }, "every export's ingestion").ConfigureAwait(false);
        }

        var probe = services.GetRequiredService<functionapp::ContinuityOfCare.Hub.Api.QueueProbe>();
        await WaitAsync(async () =>
        {
            foreach (var queue in functionapp::ContinuityOfCare.Hub.Api.HubQueue.All)
            {
                if ((await probe.ProbeAsync(queue, CancellationToken.None).ConfigureAwait(false)).Depth > 0)
                {
                    return false;
                }
            }

            return true;
        }, "the stage queues to drain").ConfigureAwait(false);
    }

    private static async Task<string> UploadAsync(functionapp::ContinuityOfCare.Hub.Storage.HubStorage storage, string container, string name, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var client = storage.Container(container);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        await client.GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true).ConfigureAwait(false);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var limit = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (limit.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("gave up waiting for " + what);
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private static int Read(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
