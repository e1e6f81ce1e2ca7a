using ContinuityOfCare.Ingestion.Samples;
using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// The set-up the outage tests share: a generated world a quarter of the suite size (at least the bundled samples'),
/// its planned outcome, Azurite on disk, maildev, and the runner as its own process with the suite's settings plus the
/// test's overrides; the reference data and feeds dropped, and the run under way (a fifth of the Alert Forms sent)
/// before the test takes a dependency away. Disposing stops the runner and removes every process and the work folder.
/// </summary>
internal sealed class OutageRun : IAsyncDisposable
{
    private OutageRun(string work, LogSink log, PlannedOutcome plan, AzuriteOnDisk azurite, MaildevServer maildev, HubProbe probe, RunnerProcess runner, IReadOnlyList<string> feeds)
    {
        Work = work;
        Log = log;
        Plan = plan;
        Azurite = azurite;
        Maildev = maildev;
        Probe = probe;
        Runner = runner;
        Feeds = feeds;
    }

    public string Work { get; }

    public LogSink Log { get; }

    public PlannedOutcome Plan { get; }

    public AzuriteOnDisk Azurite { get; }

    public MaildevServer Maildev { get; }

    public HubProbe Probe { get; }

    public RunnerProcess Runner { get; }

    /// <summary>The dropped feed files' SHA-256s.</summary>
    public IReadOnlyList<string> Feeds { get; }

    /// <summary>
    /// Starts everything in a fresh work folder (<paramref name="name"/>), seeds the world with the suite's seed plus
    /// <paramref name="seedOffset"/>, applies <paramref name="overrides"/> to the runner's settings, drops the files and
    /// waits until a fifth of the Alert Forms have reached maildev.
    /// </summary>
    public static async Task<OutageRun> StartAsync(string name, int seedOffset, IReadOnlyDictionary<string, string> overrides, CancellationToken token)
    {
        var size = SuiteSize.Current;
        var work = Directory.CreateTempSubdirectory($"coc-{name}-").FullName;
        var log = new LogSink(Path.Combine(work, "runner.log"));
        AzuriteOnDisk? azurite = null;
        MaildevServer? maildev = null;
        RunnerProcess? runner = null;
        try
        {
            var world = await GeneratedWorld.WriteAsync(
                new SampleSettings(size.Seed + seedOffset, Math.Max(40, size.Clients / 4), Math.Max(60, size.Defendants / 4)), Path.Combine(work, "world"));
            var plan = await PlannedOutcome.ComputeAsync(world.ClientsFile, world.DirectoryFile, world.Feeds, SampleWorldGenerator.IntendedNow);
            azurite = await AzuriteOnDisk.StartAsync(Path.Combine(work, "azurite"), log);
            maildev = await MaildevServer.StartAsync(token);
            var settings = new RunnerSettings(azurite.ConnectionString, maildev.SmtpPort);
            foreach (var (key, value) in overrides)
            {
                settings.Overrides[key] = value;
            }

            var probe = new HubProbe(azurite.ConnectionString);
            runner = await RunnerProcess.StartAsync(settings, SampleWorldGenerator.IntendedNow, log);
            var feeds = await SampleRun.DropAsync(probe, runner.Port, world, token);
            var mid = Math.Max(1, plan.ReadyAlerts.Count / 5);
            var server = maildev;
            await Bounded.UntilAsync(async () => SampleRun.AlertCopies(await server.GetEmailsAsync(token), plan).Count >= mid,
                TimeSpan.FromMinutes(3), $"{mid} Alert Forms before the outage", token, TimeSpan.FromMilliseconds(50));
            return new OutageRun(work, log, plan, azurite, maildev, probe, runner, feeds);
        }
        catch
        {
            await DisposeAllAsync(work, log, azurite, maildev, runner);
            throw;
        }
    }

    public ValueTask DisposeAsync() => new(DisposeAllAsync(Work, Log, Azurite, Maildev, Runner));

    private static async Task DisposeAllAsync(string work, LogSink log, AzuriteOnDisk? azurite, MaildevServer? maildev, RunnerProcess? runner)
    {
        if (runner is not null)
        {
            await runner.StopAsync();
            await runner.DisposeAsync();
        }

        if (maildev is not null)
        {
            await maildev.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        log.Dispose();
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
