using System.CommandLine;
using ContinuityOfCare.LocalRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc hub run [--connection-string …] [--urls …]</c>: starts the hub's local host (docs/hosting.md "The local
/// runner") against the configured storage, with the function.json files shipped next to <c>coc</c>. Ctrl-C stops it
/// cleanly: polling ends, in-flight invocations get the shutdown grace, unfinished messages become visible again.
/// Other settings come from the environment as for the app (e.g. <c>LocalRunner__ApiKey</c>, <c>Mail__Smtp__Host</c>).
/// Storage not reachable at start is told in one sentence (the host still starts and retries). Exit codes (docs/cli.md):
/// 0 stopped cleanly, 2 no connection.
/// </summary>
internal static class HubCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string (default: the AzureWebJobsStorage environment variable)",
        };
        var urls = new Option<string?>("--urls") { Description = "Where HTTP functions are served (default LocalRunner__Urls, else http://127.0.0.1:7071)" };
        var run = new Command("run", "Start the hub's local host; Ctrl-C stops it");
        run.Options.Add(connection);
        run.Options.Add(urls);
        run.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if ((parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage")) is not { Length: > 0 } connectionString)
            {
                await error.WriteLineAsync("No storage connection: pass --connection-string or set AzureWebJobsStorage.").ConfigureAwait(false);
                return 2;
            }

            // The host survives storage outages by design (docs/hosting.md), so it starts anyway; a person starting it
            // by hand is told at once, in one sentence, if storage is not there (docs/cli.md "Storage problems").
            if (await StorageTrouble.ProbeAsync(connectionString, cancellationToken).ConfigureAwait(false) is { } unreachable)
            {
                await error.WriteLineAsync($"coc hub run: {unreachable} The hub starts anyway and keeps retrying.").ConfigureAwait(false);
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            var settings = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString };
            if (parseResult.GetValue(urls) is { Length: > 0 } address)
            {
                settings["urls"] = address;
            }

            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddLocalRunner();
            await using var app = builder.Build();
            app.MapLocalRunner();
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Hub running on {string.Join(", ", app.Urls)}. Press Ctrl-C to stop.").ConfigureAwait(false);
            // SIGINT reaches the command line's token; SIGTERM (and SIGINT too, on some terminals) is taken by the host's
            // console lifetime, which stops the application: either ends the wait, then the same graceful stop.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Fall through to a graceful stop: running invocations get the shutdown grace, then hand their messages back.
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await output.WriteLineAsync("Hub stopped.").ConfigureAwait(false);
            return 0;
        });

        var command = new Command("hub", "Run the hub");
        command.Subcommands.Add(run);
        return command;
    }
}
