using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.LocalRunner;
using ContinuityOfCare.Mail.Outbox;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>
/// The README's main job (README "Running the hub's main job"; docs/pipeline.md "The main job: `coc demo`"): starts Azurite and maildev from node_modules on free ports, starts
/// the hub's local host in-process, drops the sample world into the inboxes (reference data first), waits until every
/// file is processed and every alert sent, prints a summary and maildev's web address, then keeps running until
/// Ctrl-C (or exits with <c>--exit-when-done</c>). Child processes are killed on every way out.
/// </summary>
/// <param name="settings">The main job's arguments.</param>
/// <param name="output">Progress and the summary.</param>
/// <param name="error">Problems.</param>
/// <param name="whenDone">
/// Called with the hub's services and storage connection once everything is processed and sent, before the hub stops:
/// how a test compares what the hub stored with <c>coc plan</c> (docs/plan.md "One file at a time").
/// </param>
internal sealed class DemoRunner(DemoSettings settings, TextWriter output, TextWriter error,
    Func<IServiceProvider, string, CancellationToken, Task>? whenDone = null)
{
    private static readonly TimeSpan ToolStartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the main job; returns the exit code (0 done, 1 the pipeline did not finish or failed, 2 unusable set-up).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryLayout.FindRoot();
        if (root is null)
        {
            await error.WriteLineAsync("coc demo: run it inside the repository (no ContinuityOfCare.sln found above this folder).").ConfigureAwait(false);
            return 2;
        }

        var azuriteTool = RepositoryLayout.NodeTool(root, "azurite");
        var maildevTool = RepositoryLayout.NodeTool(root, "maildev");
        if (!File.Exists(azuriteTool) || !File.Exists(maildevTool))
        {
            await error.WriteLineAsync($"coc demo: Azurite and maildev are not installed in {root}/node_modules. Run `npm ci` first.").ConfigureAwait(false);
            return 2;
        }

        if (!Directory.Exists(settings.SamplesDirectory))
        {
            await error.WriteLineAsync($"coc demo: the samples folder {settings.SamplesDirectory} does not exist.").ConfigureAwait(false);
            return 2;
        }

        var work = settings.DataDirectory ?? Directory.CreateTempSubdirectory("coc-demo-").FullName;
        Directory.CreateDirectory(work);
        var (blobPort, queuePort, tablePort, smtpPort, webPort, httpPort) =
            (ChildProcess.FreePort(), ChildProcess.FreePort(), ChildProcess.FreePort(), ChildProcess.FreePort(), ChildProcess.FreePort(), ChildProcess.FreePort());
        var azuriteArguments = new List<string>
        {
            "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Invariant(tablePort),
        };
        azuriteArguments.AddRange(settings.DataDirectory is null ? ["--inMemoryPersistence"] : ["--location", Path.Combine(work, "azurite")]);

        await output.WriteLineAsync($"Starting Azurite (storage: {(settings.DataDirectory is null ? "in memory, fresh this run" : work)}) and maildev…").ConfigureAwait(false);
        await using var azurite = ChildProcess.Start("azurite", azuriteTool, work, azuriteArguments, interruptFirst: settings.DataDirectory is not null);
        await using var maildev = ChildProcess.Start("maildev", maildevTool, work,
            ["--smtp", Invariant(smtpPort), "--web", Invariant(webPort), "--ip", "127.0.0.1", "--mail-directory", Path.Combine(work, "maildev"), "--silent"], interruptFirst: false);
        await azurite.WaitForPortsAsync([blobPort, queuePort, tablePort], ToolStartTimeout, cancellationToken).ConfigureAwait(false);
        await maildev.WaitForPortsAsync([smtpPort, webPort], ToolStartTimeout, cancellationToken).ConfigureAwait(false);

        var connection = DevelopmentStorage.ConnectionString(blobPort, queuePort, tablePort);
        var clock = new RunningClock(settings.Now);
        await output.WriteLineAsync($"Starting the hub on the local runner (the function app's classes; clock starts at {Core.Time.LondonTime.Format(settings.Now)} Europe/London)…").ConfigureAwait(false);
        var app = await DemoHub.StartAsync(connection, smtpPort, httpPort, clock, settings.DataDirectory is null ? null : work, cancellationToken).ConfigureAwait(false);

        // The web host's console lifetime takes Ctrl-C / SIGTERM for itself (it stops the hub and swallows the signal),
        // so the main job also stops when the hub does — whichever of the two hears the signal first.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        cancellationToken = stop.Token;
        try
        {
            var files = await DropAndWaitAsync(app, connection, cancellationToken).ConfigureAwait(false);
            var done = await WaitForSendsAsync(app, connection, files, cancellationToken).ConfigureAwait(false);
            if (done && whenDone is not null)
            {
                await whenDone(app.Services, connection, cancellationToken).ConfigureAwait(false);
            }

            await new DemoSummary(app.Services, connection, output).PrintAsync(files, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"Read the Alert Forms in maildev: http://127.0.0.1:{Invariant(webPort)}/").ConfigureAwait(false);
            await output.WriteLineAsync($"The operator console: http://127.0.0.1:{Invariant(httpPort)}{Hub.Console.ConsolePaths.Root}/ (sign in with the API key below; docs/console.md)").ConfigureAwait(false);
            await output.WriteLineAsync($"The hub's HTTP API: http://127.0.0.1:{Invariant(httpPort)}/api/… (key in the x-functions-key header)").ConfigureAwait(false);
            await output.WriteLineAsync(settings.DataDirectory is null
                ? $"  API key (this run only): {DemoHub.ApiKey(app)}"
                : $"  API key: in {Path.Combine(work, "demo-api-key")}").ConfigureAwait(false);
            await output.WriteLineAsync($"Storage (Azurite; its well-known development key): {connection}").ConfigureAwait(false);
            await output.WriteLineAsync("Query the running hub from another terminal:").ConfigureAwait(false);
            await output.WriteLineAsync($"  dotnet run --project functions/ContinuityOfCare.Cli -- status --connection-string \"{connection}\"").ConfigureAwait(false);
            if (!done)
            {
                await error.WriteLineAsync("coc demo: not everything finished in time (see above).").ConfigureAwait(false);
                return 1;
            }

            if (!settings.ExitWhenDone)
            {
                await output.WriteLineAsync("The hub keeps running (timers, sweeps). Press Ctrl-C to stop; everything started here stops with it.").ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    await output.WriteLineAsync("Stopping…").ConfigureAwait(false);
                }
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync("Stopped before everything was processed.").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await app.StopAsync(stopping.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            if (settings.DataDirectory is null)
            {
                TryDelete(work);
            }
        }
    }

    private async Task<IReadOnlyList<DemoFile>> DropAndWaitAsync(WebApplication app, string connection, CancellationToken cancellationToken)
    {
        var samples = settings.SamplesDirectory;
        var directoryFile = Path.Combine(samples, "directory.csv");
        var clientsFile = Path.Combine(samples, "clients.csv");
        var files = new List<DemoFile>();

        // Reference data first (the directory and the register must be in force before anything routes).
        await output.WriteLineAsync("Dropping the SPOC directory and the client register into their inboxes…").ConfigureAwait(false);
        var ingested = app.Services.GetRequiredService<IngestedFileStore>();
        await DropAsync(ingested, connection, InboxContainers.Directory, directoryFile, cancellationToken).ConfigureAwait(false);
        var directories = app.Services.GetRequiredService<DirectoryStore>();
        await WaitAsync(async () => (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live is not null, "the SPOC directory import", cancellationToken).ConfigureAwait(false);
        var registerClock = Stopwatch.StartNew();
        var register = await DropAsync(ingested, connection, InboxContainers.Clients, clientsFile, cancellationToken).ConfigureAwait(false);
        files.Add(register);
        await WaitAsync(async () => (await ingested.GetAsync(register.Sha256, cancellationToken).ConfigureAwait(false))?.Status is IngestedFileStatus.Processed or IngestedFileStatus.Rejected,
            "the client register import", cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  client register imported in {registerClock.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);

        var feeds = new (string Folder, string Container)[]
        {
            ("court-lists", InboxContainers.CourtLists), ("court-results", InboxContainers.CourtResults), ("discharges", InboxContainers.Discharges),
        };
        var feedFiles = new List<DemoFile>();
        foreach (var (folder, container) in feeds)
        {
            var path = Path.Combine(samples, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(path).Order(StringComparer.Ordinal))
            {
                feedFiles.Add(await DropAsync(ingested, connection, container, file, cancellationToken).ConfigureAwait(false));
            }
        }

        await output.WriteLineAsync($"Dropped {feedFiles.Count} feed files (court lists, court results, discharge exports). Waiting for ingest and routing…").ConfigureAwait(false);
        files.AddRange(feedFiles);
        var routeClock = Stopwatch.StartNew();
        var reports = new BlobContainerClient(connection, InboxContainers.Reports);
        var lastLine = "";
        await WaitAsync(async () =>
        {
            var finished = 0;
            var routed = 0;
            foreach (var file in feedFiles)
            {
                var status = (await ingested.GetAsync(file.Sha256, cancellationToken).ConfigureAwait(false))?.Status;
                if (status == IngestedFileStatus.Rejected)
                {
                    finished++;
                    routed++;
                }
                else if (status == IngestedFileStatus.Processed)
                {
                    finished++;
                    if (await reports.GetBlobClient(PipelineBlobs.RouteReport(file.Sha256)).ExistsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        routed++;
                    }
                }
            }

            var line = $"  ingested {finished}/{feedFiles.Count}, routed {routed}/{feedFiles.Count}";
            if (line != lastLine)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
                lastLine = line;
            }

            return routed == feedFiles.Count;
        }, "ingest and routing", cancellationToken).ConfigureAwait(false);
        var elapsed = routeClock.Elapsed;
        var (records, events, alerts) = (0, 0, 0);
        foreach (var file in feedFiles.Where(f => !f.Earlier))
        {
            using var report = await RouteReportReader.TryReadAsync(connection, file.Sha256, cancellationToken).ConfigureAwait(false);
            if (report is not null)
            {
                var counts = report.RootElement.GetProperty("counts");
                records += counts.GetProperty("records").GetInt32();
                events += counts.GetProperty("events").GetInt32();
                alerts += counts.GetProperty("alertsReady").GetInt32() + counts.GetProperty("alertsHeld").GetInt32();
            }
        }

        // Counts and the elapsed time only: a records-per-second figure on a handful of sample files measures the 0.5 s
        // polling, not the hub (docs/benchmarks.md has the measured throughput).
        var earlier = feedFiles.Count(f => f.Earlier);
        await output.WriteLineAsync(earlier == feedFiles.Count && earlier > 0
            ? "  every feed file was already ingested by an earlier run (--data-dir): nothing new to route"
            : string.Create(CultureInfo.InvariantCulture, $"  ingest → route → outbox: {records} feed records, {events} events, {alerts} alerts in {elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
        return files;
    }

    private async Task<bool> WaitForSendsAsync(WebApplication app, string connection, IReadOnlyList<DemoFile> files, CancellationToken cancellationToken)
    {
        var alertIds = new List<string>();
        foreach (var file in files)
        {
            if (await RouteReportReader.TryReadAsync(connection, file.Sha256, cancellationToken).ConfigureAwait(false) is { } report)
            {
                using (report)
                {
                    alertIds.AddRange(report.RootElement.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
                }
            }
        }

        var outbox = app.Services.GetRequiredService<AlertOutbox>();
        var lastLine = "";
        try
        {
            await WaitAsync(async () =>
            {
                var settled = 0;
                foreach (var id in alertIds.Distinct(StringComparer.Ordinal))
                {
                    var entry = await outbox.GetAsync(id, cancellationToken).ConfigureAwait(false);
                    if (entry is not null && entry.Status is not (AlertStatus.Pending or AlertStatus.Sending))
                    {
                        settled++;
                    }
                }

                var total = alertIds.Distinct(StringComparer.Ordinal).Count();
                var line = $"  alerts sent or held {settled}/{total}";
                if (line != lastLine)
                {
                    await output.WriteLineAsync(line).ConfigureAwait(false);
                    lastLine = line;
                }

                return settled == total;
            }, "the alerts to be sent", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException exception)
        {
            await error.WriteLineAsync($"coc demo: {exception.Message}").ConfigureAwait(false);
            return false;
        }
    }

    private async Task WaitAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > settings.Timeout)
            {
                throw new TimeoutException($"gave up waiting for {what} after {settings.Timeout.TotalSeconds:0} s");
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DemoFile> DropAsync(IngestedFileStore ingested, string connection, string container, string path, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var earlier = (await ingested.GetAsync(sha256, cancellationToken).ConfigureAwait(false))?.Status is IngestedFileStatus.Processed or IngestedFileStatus.Rejected;
        var client = new BlobContainerClient(connection, container);
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using (var stream = new MemoryStream(content, writable: false))
        {
            await client.GetBlobClient(Path.GetFileName(path)).UploadAsync(stream, overwrite: true, cancellationToken).ConfigureAwait(false);
        }

        return new DemoFile(container, Path.GetFileName(path), sha256, earlier);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
