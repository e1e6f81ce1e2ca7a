using ContinuityOfCare.Hub.Operations;
using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using ContinuityOfCare.Hub.Api;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc replay-poison QUEUE [--connection-string …] [--dry-run]</c>: moves every message of <c>QUEUE-poison</c> back
/// to <c>QUEUE</c> (architecture.md "Reliability rules": poison messages are kept, listed and replayable). Never loses a
/// message: each is sent to QUEUE before it is deleted from the poison queue, byte for byte (raw message text, so a
/// message that is not valid base64 moves unchanged too). A failure between the two leaves a copy in both, which the
/// idempotent functions absorb. Exit codes (docs/cli.md): 0 done, 2 bad queue name or no connection, 4 storage unreachable or
/// refusing (the count moved so far is printed). The moving itself is <see cref="PoisonReplay"/>, shared with the console.
/// </summary>
internal static partial class ReplayPoisonCommand
{
    public static Command Create()
    {
        var queue = new Argument<string>("QUEUE") { Description = "The queue whose poison queue (QUEUE-poison) is replayed, e.g. route" };
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string (default: the AzureWebJobsStorage environment variable)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count the poison messages; move nothing" };
        var verbose = StorageTrouble.VerboseOption();
        var command = new Command("replay-poison", "Move every message of QUEUE-poison back to QUEUE");
        command.Arguments.Add(queue);
        command.Options.Add(connection);
        command.Options.Add(dryRun);
        command.Options.Add(verbose);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var name = parseResult.GetValue(queue)!;
            if (!QueueName().IsMatch(name) || name.EndsWith(HubQueue.PoisonSuffix, StringComparison.Ordinal))
            {
                await error.WriteLineAsync("QUEUE must be a queue name (3–63 lower-case letters, digits and single hyphens), without the -poison suffix.").ConfigureAwait(false);
                return 2;
            }

            if ((parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage")) is not { Length: > 0 } connectionString)
            {
                await error.WriteLineAsync("No storage connection: pass --connection-string or set AzureWebJobsStorage.").ConfigureAwait(false);
                return 2;
            }

            var moved = 0;
            try
            {
                var options = PoisonReplay.RawOptions;
                var poison = new QueueClient(connectionString, name + HubQueue.PoisonSuffix, options);
                var target = new QueueClient(connectionString, name, options);
                var waiting = await PoisonReplay.CountAsync(poison, cancellationToken).ConfigureAwait(false);
                if (parseResult.GetValue(dryRun) || waiting == 0)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{name}{HubQueue.PoisonSuffix} holds {waiting} message(s); nothing moved{(waiting == 0 ? "" : " (--dry-run)")}.")).ConfigureAwait(false);
                    return 0;
                }

                await PoisonReplay.MoveAllAsync(poison, target, count => moved = count, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageTrouble.Is(exception))
            {
                return await StorageTrouble.ReportAsync(error, "replay-poison", exception, connectionString, parseResult.GetValue(verbose),
                    string.Create(CultureInfo.InvariantCulture, $"{moved} message(s) were moved; the rest are still in {name}{HubQueue.PoisonSuffix}: run the command again.")).ConfigureAwait(false);
            }
            catch (FormatException)
            {
                await error.WriteLineAsync("The storage connection string is not valid.").ConfigureAwait(false);
                return 2;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Moved {moved} message(s) from {name}{HubQueue.PoisonSuffix} to {name}.")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();
}
