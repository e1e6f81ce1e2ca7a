using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using ContinuityOfCare.Ingestion.Samples;
using ContinuityOfCare.Reliability.Support;
using ContinuityOfCare.Testing;
using Xunit;
using Xunit.Abstractions;

namespace ContinuityOfCare.Reliability;

/// <summary>
/// Part 5 of docs/reliability.md on the main job: the bundled samples (whose register and strangers are known, since the
/// generator made them) through the runner at Trace, the HTTP API used as an operator would (health, obligations, a
/// client's timeline, the held possible matches, an acknowledgement link opened), then every trace searched: no client
/// value outside its own register row and its own forms, no near miss's or stranger's value anywhere. The crash test
/// scans its world the same way.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed partial class PrivacyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Privacy_MainJobAtTrace_NoClientValueOutsideItsOwnFormsAndRowNoNearMissOrStrangerValueAnywhere()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var token = bound.Token;
        var work = Directory.CreateTempSubdirectory("coc-privacy-").FullName;
        using var log = new LogSink(Path.Combine(work, "runner.log"));
        var world = GeneratedWorld.Bundled();
        var plan = await PlannedOutcome.ComputeAsync(world.ClientsFile, world.DirectoryFile, world.Feeds, SampleWorldGenerator.IntendedNow);
        var data = PersonalData.From(world.World);
        Assert.True(data.ClientValues > 100 && data.NearMissValues > 10 && data.StrangerValues > 20,
            $"the known values must be many: {data.ClientValues} client, {data.NearMissValues} near miss, {data.StrangerValues} stranger");
        await using var azurite = await AzuriteOnDisk.StartAsync(Path.Combine(work, "azurite"), log);
        await using var maildev = await MaildevServer.StartAsync(token);
        await using var queues = new QueueSampler(azurite.ConnectionString);
        var probe = new HubProbe(azurite.ConnectionString);
        var runner = await RunnerProcess.StartAsync(new RunnerSettings(azurite.ConnectionString, maildev.SmtpPort), SampleWorldGenerator.IntendedNow, log);
        try
        {
            var feeds = await SampleRun.DropAsync(probe, runner.Port, world, token);
            await Bounded.UntilAsync(async () => await probe.FinishedAsync(feeds, token) == feeds.Count && SampleRun.AlertCopies(await maildev.GetEmailsAsync(token), plan).Count >= plan.ReadyAlerts.Count,
                TimeSpan.FromMinutes(3), "the main job to finish", token);

            // The operator's calls: their URLs and answers are logged at Trace too.
            using var http = HubProbe.Api(runner.Port);
            using (var health = await http.GetAsync(new Uri("api/health", UriKind.Relative), token))
            {
                output.WriteLine($"health: {(int)health.StatusCode}");
            }
            var obligations = await HubProbe.ObligationsAsync(runner.Port, token);
            foreach (var client in world.World.Clients.Take(5))
            {
                using var timeline = await http.GetAsync(new Uri($"api/clients/{client.Id}/timeline", UriKind.Relative), token);
            }

            // The held possible matches: the near misses' records are read back for the operator, and the rows that
            // hold them must hold none of their values (so the scan of possiblematches below is not of an empty table).
            using (var held = await http.GetAsync(new Uri("api/possible-matches", UriKind.Relative), token))
            {
                output.WriteLine($"possible matches: {(int)held.StatusCode}");
            }

            var heldRows = await new TableClient(azurite.ConnectionString, "possiblematches").QueryAsync<TableEntity>(cancellationToken: token).CountAsync(token);
            Assert.True(heldRows > 0, "the main job holds possible matches");

            var emails = await maildev.WaitForEmailsAsync(_ => true, plan.ReadyAlerts.Count, TimeSpan.FromSeconds(10), token);
            var link = emails.Select(e => AckLink().Match(e.Text ?? "")).FirstOrDefault(m => m.Success)?.Value;
            Assert.NotNull(link); // the acknowledgement page's URL and answer are scanned too
            using (var page = await http.GetAsync(new Uri(link), token))
            {
                output.WriteLine($"acknowledgement page: {(int)page.StatusCode}");
            }

            await runner.StopAsync();
            log.Flush();
            var scan = await PrivacyScanner.ScanAsync(data, plan.AlertClients, azurite.ConnectionString, [log.FilePath], emails, token, queues);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{log.Lines} log lines, {emails.Count} emails, {obligations.Count} obligations"));
            output.WriteLine(scan.Summary);
            Assert.True(scan.Leaks.Count == 0, scan.Summary + "\n" + string.Join('\n', scan.Leaks.Take(60)));
        }
        finally
        {
            await runner.DisposeAsync();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // harmless leftover
            }
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/ack/[A-Za-z0-9_\-\.]+")]
    private static partial Regex AckLink();
}
