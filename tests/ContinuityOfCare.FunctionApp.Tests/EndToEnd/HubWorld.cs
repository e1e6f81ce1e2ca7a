using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.FunctionApp.Directory;
using ContinuityOfCare.FunctionApp.Pipeline;
using ContinuityOfCare.FunctionApp.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Storage;
using ContinuityOfCare.Storage.Blobs;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// One end-to-end world: its own Azurite and maildev (so the fixed queue and container names of function.json never
/// meet another test's), and the real app in local host mode against them, with a controllable clock.
/// </summary>
public sealed class HubWorld : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;
    private readonly string _indexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _ackKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private HubWorld(AzuriteFixture azurite, MaildevServer maildev, FakeClock clock)
    {
        _azurite = azurite;
        Maildev = maildev;
        Clock = clock;
    }

    /// <summary>The running hub (replaced by <see cref="RestartAsync"/>).</summary>
    public HubTestApp App { get; private set; } = null!;

    /// <summary>The SMTP server the hub sends to.</summary>
    public MaildevServer Maildev { get; }

    /// <summary>The hub's warnings and errors.</summary>
    public E2eLog Log { get; } = new();

    /// <summary>The hub's clock.</summary>
    public FakeClock Clock { get; }

    /// <summary>The storage connection string.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>Starts Azurite, maildev and the hub with its clock at <paramref name="now"/>.</summary>
    public static async Task<HubWorld> StartAsync(Instant now, IDictionary<string, string?>? overrides = null)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var maildev = await MaildevServer.StartAsync();
        var world = new HubWorld(azurite, maildev, new FakeClock(now));
        world.App = await world.StartAppAsync(overrides);
        return world;
    }

    /// <summary>A service of the running hub.</summary>
    public T Get<T>()
        where T : notnull => App.App.Services.GetRequiredService<T>();

    /// <summary>Stops the hub (as a crash would, after a short grace) and starts a fresh one on the same storage and SMTP.</summary>
    public async Task RestartAsync(IDictionary<string, string?>? overrides = null)
    {
        await App.DisposeAsync();
        App = await StartAppAsync(overrides);
    }

    /// <summary>Drops a file in an inbox container; returns its SHA-256 (lower-case hex).</summary>
    public async Task<string> DropAsync(string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(ConnectionString, container);
        await client.CreateIfNotExistsAsync();
        using var stream = new MemoryStream(content);
        await client.GetBlobClient(name).UploadAsync(stream, overwrite: true);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>Drops the directory and the register and waits until both are in force.</summary>
    public async Task LoadReferenceDataAsync(byte[]? clients = null)
    {
        await DropAsync(InboxContainers.Directory, "directory.csv", E2eFiles.Directory);
        await Eventually.GetAsync(async () => (await Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live, "the directory import");
        var sha = await DropAsync(InboxContainers.Clients, "clients.csv", clients ?? E2eFiles.Clients);
        await Eventually.GetAsync(async () =>
            (await Get<IngestedFileStore>().GetAsync(sha, CancellationToken.None)) is { Status: not IngestedFileStatus.Claimed } file ? file : null,
            "the register import");
    }

    /// <summary>Waits for the routing report of the file with <paramref name="sha256"/> (written last by the route step).</summary>
    public async Task<JsonDocument> WaitForRouteReportAsync(string sha256)
    {
        var blob = new BlobContainerClient(ConnectionString, InboxContainers.Reports).GetBlobClient(PipelineBlobs.RouteReport(sha256));
        string text;
        try
        {
        text = await Eventually.GetAsync(async () =>
        {
            try
            {
                var download = await blob.DownloadStreamingAsync();
                await using (download.Value)
                {
                    using var reader = new StreamReader(download.Value.Content);
                    return await reader.ReadToEndAsync();
                }
            }
            catch (Azure.RequestFailedException exception) when (exception.IsNotFound())
            {
                return null;
            }
        }, "the routing report");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(exception.Message + "; " + await DescribeAsync(), exception);
        }

        return JsonDocument.Parse(text);
    }

    /// <summary>The obligation of <paramref name="ruleId"/> in a routing report.</summary>
    public static string ObligationId(JsonDocument report, string ruleId) =>
        report.RootElement.GetProperty("obligations").EnumerateArray()
            .Single(o => o.GetProperty("rule").GetString() == ruleId).GetProperty("id").GetString()!;

    /// <summary>Queue depths (stages and poison) and the poison messages' text: what a failed wait reports.</summary>
    public async Task<string> DescribeAsync()
    {
        var parts = new List<string>();
        foreach (var queue in PipelineQueues.All.SelectMany(q => new[] { q, PipelineQueues.PoisonOf(q) }))
        {
            var client = new ContinuityOfCare.Storage.Queues.QueueClient(ConnectionString, queue);
            await client.CreateIfNotExistsAsync();
            var peeked = (await client.PeekMessagesAsync(5)).Value;
            parts.Add($"{queue}: {peeked.Count} [{string.Join(" | ", peeked.Select(m => m.MessageText))}]");
        }

        parts.Add("log: " + string.Join(" || ", Log.Entries.TakeLast(15)));
        return string.Join("; ", parts);
    }

    private Task<HubTestApp> StartAppAsync(IDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["LocalHost:BlobPollingInterval"] = "00:00:00.200",
            ["LocalHost:ShutdownGrace"] = "00:00:01",
            ["LocalHost:ApiKey"] = "e2e-key",
            ["State:IndexKey"] = _indexKey,
            ["Mail:Smtp:Host"] = MaildevServer.Host,
            ["Mail:Smtp:Port"] = Maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:RequireStartTls"] = "false",
            ["Mail:Smtp:SenderAddress"] = "hub@continuity-hub.gov.uk",
            ["Mail:Smtp:Timeout"] = "00:00:10",
            ["Mail:Resilience:MessagesPerMinute"] = "0",
            ["Mail:Resilience:RetryBaseDelay"] = "00:00:00.050",
            ["Acknowledgements:CurrentKeyId"] = "e2e",
            ["Acknowledgements:Keys:e2e"] = _ackKey,
            ["Pipeline:PublicBaseUrl"] = "http://127.0.0.1:7071/",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return HubTestApp.StartLocalAsync(settings, services =>
        {
            services.AddSingleton<IClock>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Maildev.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
