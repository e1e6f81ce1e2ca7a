using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Pipeline;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// What the test sees of the hub from outside: files dropped into the inboxes with the storage SDK, progress and
/// end state read from storage (reports, the outbox, poison queues) and from the HTTP API — never from inside the runner.
/// </summary>
internal sealed class HubProbe(string connectionString)
{
    public async Task<string> DropAsync(string container, string path, CancellationToken cancellationToken = default)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var client = new BlobContainerClient(connectionString, container);
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(content, writable: false);
        await client.GetBlobClient(Path.GetFileName(path)).UploadAsync(stream, overwrite: true, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>The status the ingested-files table records for a file (Processed, Rejected, …) or null.</summary>
    public async Task<string?> IngestStatusAsync(string sha256, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await new TableClient(connectionString, "ingestedfiles").GetEntityAsync<TableEntity>(sha256, "file", cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.Value.GetString("Status");
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> RoutedAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var reports = new BlobContainerClient(connectionString, InboxContainers.Reports);
        return (await reports.GetBlobClient(PipelineBlobs.RouteReport(sha256)).ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Files whose routing is finished (routing report written, or the file rejected whole).</summary>
    public async Task<int> FinishedAsync(IEnumerable<string> sha256s, CancellationToken cancellationToken = default)
    {
        var finished = 0;
        foreach (var sha in sha256s)
        {
            if (await IngestStatusAsync(sha, cancellationToken).ConfigureAwait(false) == "Rejected" || await RoutedAsync(sha, cancellationToken).ConfigureAwait(false))
            {
                finished++;
            }
        }

        return finished;
    }

    /// <summary>The outbox's alert rows: id → (status, repeats).</summary>
    public async Task<IReadOnlyDictionary<string, (string Status, int Repeats)>> OutboxAsync(CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        await foreach (var row in new TableClient(connectionString, "alertoutbox").QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Kind") is "notice")
            {
                continue;
            }

            rows[row.GetString("AlertId") ?? row.PartitionKey] = (row.GetString("Status") ?? "", row.GetInt32("Repeats") ?? 0);
        }

        return rows;
    }

    /// <summary>Alert Forms the outbox holds as Sent (cheaper to poll than maildev at the larger size).</summary>
    public async Task<int> SentCountAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        await foreach (var row in new TableClient(connectionString, "alertoutbox").QueryAsync<TableEntity>(select: ["Status", "Kind"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Kind") is not "notice" && row.GetString("Status") is "Sent")
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The kinds of every operator notice (the one notice store, <c>hubnotices</c>).</summary>
    public async Task<IReadOnlyList<string>> OperatorNoticeKindsAsync(CancellationToken cancellationToken = default)
    {
        var kinds = new List<string>();
        await foreach (var row in new TableClient(connectionString, "hubnotices").QueryAsync<TableEntity>(select: ["Kind"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            kinds.Add(row.GetString("Kind") ?? "");
        }

        return kinds;
    }

    /// <summary>The keys of the hub's own notices (<c>hubnotices</c>: missing feeds, undelivered or repeated escalations, …).</summary>
    public async Task<IReadOnlySet<string>> HubNoticeKeysAsync(CancellationToken cancellationToken = default)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in new TableClient(connectionString, "hubnotices").QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    /// <summary>Messages in every poison queue.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PoisonAsync(CancellationToken cancellationToken = default)
    {
        var service = new QueueServiceClient(connectionString);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var queue in service.GetQueuesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (queue.Name.EndsWith("-poison", StringComparison.Ordinal))
            {
                var properties = await service.GetQueueClient(queue.Name).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
                counts[queue.Name] = properties.Value.ApproximateMessagesCount;
            }
        }

        return counts;
    }

    /// <summary>Messages waiting in the stage queues (ingest, route, send).</summary>
    public Task<int> StageDepthAsync(CancellationToken cancellationToken = default) => DepthAsync(PipelineQueues.All, cancellationToken);

    /// <summary>Messages in the named stage queues, visible or held by a running invocation (0 for a queue not yet created).</summary>
    public async Task<int> DepthAsync(IEnumerable<string> queueNames, CancellationToken cancellationToken = default)
    {
        var total = 0;
        foreach (var name in queueNames)
        {
            var queue = new QueueClient(connectionString, name);
            if ((await queue.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value)
            {
                total += (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
            }
        }

        return total;
    }

    /// <summary><c>GET /api/obligations</c>: every obligation the hub holds, with its status and escalation levels.</summary>
    public static async Task<IReadOnlyList<ObligationView>> ObligationsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var http = Api(port);
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/obligations", UriKind.Relative), cancellationToken).ConfigureAwait(false));
        return [.. document.RootElement.GetProperty("obligations").EnumerateArray().Select(o => new ObligationView(
            o.GetProperty("id").GetString()!,
            o.GetProperty("status").GetString()!,
            o.GetProperty("escalationLevels").EnumerateArray().Select(l => l.GetInt32()).ToArray()))];
    }

    /// <summary>The runtime status of an obligation's orchestration in the running hub (<c>GET /api/obligations/{id}</c>), or null when it has none.</summary>
    public static async Task<string?> OrchestrationStatusAsync(HttpClient http, string obligationId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(new Uri("api/obligations/" + obligationId, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return document.RootElement.TryGetProperty("orchestration", out var orchestration) && orchestration.ValueKind == JsonValueKind.Object
            && orchestration.TryGetProperty("runtimeStatus", out var status) ? status.GetString() : null;
    }

    /// <summary><c>GET /api/health</c>: (HTTP status, body).</summary>
    public static async Task<(int Status, string Body)> HealthAsync(int port, TimeSpan timeout)
    {
        using var http = Api(port);
        http.Timeout = timeout;
        using var response = await http.GetAsync(new Uri("api/health", UriKind.Relative)).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    public static async Task<int?> DirectoryVersionAsync(int port)
    {
        try
        {
            var (_, body) = await HealthAsync(port, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("directoryVersion", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    public static HttpClient Api(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("x-functions-key", RunnerSettings.ApiKey);
        return http;
    }
}

/// <summary>One obligation as <c>GET /api/obligations</c> shows it.</summary>
internal sealed record ObligationView(string Id, string Status, IReadOnlyList<int> EscalationLevels);
