using System.CommandLine;
using ContinuityOfCare.Cli.Demo;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc demo [--now INSTANT] [--samples DIR] [--data-dir DIR] [--exit-when-done] [--timeout SECONDS]</c>: the README's
/// main job (docs/pipeline.md "The main job"). Exit codes: 0 everything processed and sent; 1 the pipeline did not
/// finish in time; 2 unusable set-up (not in the repository, node tools missing, bad arguments).
/// </summary>
internal static class DemoCommand
{
    /// <summary>samples/README.md: plan the sample world at this instant.</summary>
    public const string DefaultNow = "2026-12-24T17:00:00Z";

    public static Command Create()
    {
        var now = new Option<string>("--now") { Description = $"The instant the hub's clock starts at (default {DefaultNow}, the sample world's \"now\")", DefaultValueFactory = _ => DefaultNow };
        var samples = new Option<string?>("--samples") { Description = "The sample world to drop into the inboxes (default: the repository's samples/)" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep Azurite's storage (and the demo's keys) in this folder, so a second run sees the first (default: in memory, fresh each run)" };
        var exitWhenDone = new Option<bool>("--exit-when-done") { Description = "Exit once every file is processed and every alert sent (for tests and CI) instead of running until Ctrl-C" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the pipeline to finish (default 300)", DefaultValueFactory = _ => 300 };
        var command = new Command("demo", "Run the hub's main job on the bundled samples: Azurite + maildev + the hub's local host, Alert Forms in maildev");
        foreach (var option in new Option[] { now, samples, dataDir, exitWhenDone, timeout })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!LondonTime.TryParse(parseResult.GetValue(now), out Instant start, out _))
            {
                await error.WriteLineAsync($"coc demo: cannot read --now \"{parseResult.GetValue(now)}\" (use 2026-12-24T17:00:00Z).").ConfigureAwait(false);
                return 2;
            }

            var samplesDirectory = parseResult.GetValue(samples)
                ?? (RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "samples") : Path.GetFullPath("samples"));
            var dataDirectory = parseResult.GetValue(dataDir) is { Length: > 0 } folder ? Path.GetFullPath(folder) : null;
            var settings = new DemoSettings(start, Path.GetFullPath(samplesDirectory), dataDirectory, parseResult.GetValue(exitWhenDone),
                TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(timeout))));
            try
            {
                return await new DemoRunner(settings, output, error).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return 130;
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
            {
                await error.WriteLineAsync($"coc demo: {exception.Message}").ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
