using System.CommandLine;
using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// Storage trouble in any CLI verb, told in one sentence an operator can act on (docs/cli.md "Storage problems"): what
/// the verb tried to reach, why it failed and what to do — never a stack trace unless <c>--verbose</c>. Exit code
/// <see cref="ExitCode"/>. Messages carry endpoints and status codes only, never data.
/// </summary>
internal static class StorageTrouble
{
    /// <summary>The exit code of every verb whose storage could not be reached or refused the request (docs/cli.md).</summary>
    public const int ExitCode = 4;

    /// <summary>A verb's <c>--verbose</c> option: print the exception after the sentence.</summary>
    public static Option<bool> VerboseOption() => new("--verbose") { Description = "On a storage problem, also print the exception and its stack trace" };

    /// <summary>True when <paramref name="exception"/> is a storage failure or an unreachable endpoint.</summary>
    public static bool Is(Exception exception) => Unwrap(exception).Any(e => e is RequestFailedException or HttpRequestException or SocketException);

    /// <summary>Writes the sentence (and, verbose, the exception) to <paramref name="error"/>; returns <see cref="ExitCode"/>.</summary>
    public static async Task<int> ReportAsync(TextWriter error, string verb, Exception exception, string connectionString, bool verbose, string? consequence = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(exception);
        await error.WriteLineAsync($"coc {verb}: {Describe(exception, connectionString)}{(consequence is null ? "" : " " + consequence)}").ConfigureAwait(false);
        if (verbose)
        {
            await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }

        return ExitCode;
    }

    /// <summary>
    /// One quick look at the Queue service (no retries, a few seconds at most): the sentence when it cannot be reached or
    /// refuses, else null. A connection string the SDK cannot read is left to the host to report.
    /// </summary>
    public static async Task<string?> ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        QueueServiceClient queues;
        try
        {
            var options = new QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } };
            queues = new QueueServiceClient(connectionString, options);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }

        try
        {
            await queues.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception exception) when (Is(exception))
        {
            return Describe(exception, connectionString);
        }
    }

    /// <summary>The one sentence for <paramref name="exception"/>.</summary>
    internal static string Describe(Exception exception, string connectionString)
    {
        var endpoints = Endpoints(connectionString);
        var chain = Unwrap(exception).ToList();
        var failed = chain.OfType<RequestFailedException>().FirstOrDefault(e => e.Status != 0);
        var (service, endpoint) = Locate(chain, endpoints);
        var local = endpoint.Contains("127.0.0.1", StringComparison.Ordinal) || endpoint.Contains("localhost", StringComparison.OrdinalIgnoreCase);
        if (failed is null)
        {
            var hint = local ? "is Azurite running (npx azurite)?" : "check the account name and the network";
            return $"cannot reach {service} storage at {endpoint} — {hint} The connection comes from --connection-string or AzureWebJobsStorage.";
        }

        var code = string.Create(CultureInfo.InvariantCulture, $"{failed.Status} {failed.ErrorCode}").Trim();
        var what = failed.Status switch
        {
            401 or 403 => "check the account key or the identity's role in the connection (--connection-string or AzureWebJobsStorage).",
            >= 500 => "the service is busy or failing; try again in a minute.",
            _ => "check that --connection-string or AzureWebJobsStorage names the hub's storage account.",
        };
        return $"{service} storage at {endpoint} refused the request ({code}) — {what}";
    }

    private static (string Service, string Endpoint) Locate(List<Exception> chain, IReadOnlyList<(string Service, Uri Uri)> endpoints)
    {
        // A refused connection names host:port in its message; match it to the service listening there.
        foreach (var (service, uri) in endpoints)
        {
            var authority = uri.Authority;
            if (chain.Any(e => e.Message.Contains(authority, StringComparison.OrdinalIgnoreCase)))
            {
                return (service, Root(uri));
            }
        }

        return endpoints.Count > 0 ? ("Table", Root(endpoints[^1].Uri)) : ("the", "the configured account");
    }

    private static string Root(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static List<(string Service, Uri Uri)> Endpoints(string connectionString)
    {
        var list = new List<(string, Uri)>();
        try
        {
            list.Add(("Blob", new BlobServiceClient(connectionString).Uri));
            list.Add(("Queue", new QueueServiceClient(connectionString).Uri));
            list.Add(("Table", new TableServiceClient(connectionString).Uri));
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // Not a connection string the SDK can read: the sentence names no endpoint.
        }

        return list;
    }

    private static IEnumerable<Exception> Unwrap(Exception? exception)
    {
        var pending = new Stack<Exception>();
        if (exception is not null)
        {
            pending.Push(exception);
        }

        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
