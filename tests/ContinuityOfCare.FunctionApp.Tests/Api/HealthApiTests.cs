using System.Globalization;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.FunctionApp.Tests.Support;
using Azure.Data.Tables;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary><c>GET /api/health</c> and the queue probe behind it and <c>coc status</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthApiTests(AzuriteFixture azurite)
{
    /// <summary>
    /// Health is unhealthy when nothing is processing: a front message of a stage queue older than
    /// <c>Pipeline:MaxQueueAge</c>, or a host listener that cannot reach storage. Only the HTTP functions run here, so
    /// no listener takes the message away.
    /// </summary>
    [Fact]
    public async Task Health_StaleFrontMessageOrFailingListener_Answers503AndSaysWhich()
    {
        var ingest = HubStorage.ForConnectionString(azurite.ConnectionString).Queue(Hub.Pipeline.PipelineQueues.Ingest);
        await ingest.CreateIfNotExistsAsync();
        await ingest.SendMessageAsync("{}");
        var listeners = new FailingListener();
        await using var app = await HubTestApp.StartLocalAsync(
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["LocalRunner:ApiKey"] = ApiTestHost.ApiKey,
                ["Pipeline:MaxQueueAge"] = "00:00:00",
            },
            services => services.AddSingleton<IHostHealth>(listeners),
            typeof(FunctionApp.Functions.ApiFunctions));

        using var request = ApiTestHost.Request(HttpMethod.Get, "/api/health");
        using var response = await app.Client.SendAsync(request);
        var problems = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        // The shared Azurite's ingest queue is left as found, for the other tests of this collection.
        await ingest.ClearMessagesAsync();

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(problems, p => p.StartsWith("The front message of ingest has waited", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The queue route-test listener cannot reach storage", StringComparison.Ordinal));
    }

    private sealed class FailingListener : IHostHealth
    {
        public IReadOnlyDictionary<string, DateTimeOffset> FailingListeners { get; } =
            new Dictionary<string, DateTimeOffset> { ["queue route-test"] = DateTimeOffset.UnixEpoch };
    }

    [Fact]
    public async Task Health_StorageSmtpDirectoryAndCalendarFine_Answers200Healthy()
    {
        await using var smtp = new FakeSmtpGreeter();
        await using var host = await ApiTestHost.StartAsync(azurite, SmtpSettings(smtp.Port));
        await SeedLiveDirectoryAsync(host, version: 3);

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(200, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("storageReachable").GetBoolean());
        Assert.Equal("reachable", body.GetProperty("smtp").GetString());
        Assert.Equal(3, body.GetProperty("directoryVersion").GetInt32());
        Assert.Empty(body.GetProperty("problems").EnumerateArray());
        Assert.True(body.GetProperty("calendar").GetProperty("lastCoveredYear").GetInt32() >= 2026);
        var queues = body.GetProperty("queues").EnumerateArray().Select(q => q.GetProperty("name").GetString()).ToList();
        Assert.Contains("route", queues);
        Assert.All(body.GetProperty("queues").EnumerateArray(), q => Assert.True(q.TryGetProperty("poisonDepth", out _)));
    }

    /// <summary>
    /// Unconfirmed and repeated Alert Forms are a person's to check: health counts the delivery notices of the last
    /// days from the one notice store and warns (still 200), without scanning the outbox. Older notices do not count.
    /// </summary>
    [Fact]
    public async Task Health_UnconfirmedAndRepeatedAlerts_CountedAndWarned()
    {
        await using var smtp = new FakeSmtpGreeter();
        await using var host = await ApiTestHost.StartAsync(azurite, SmtpSettings(smtp.Port));
        await SeedLiveDirectoryAsync(host, version: 1);
        var store = host.Services.GetRequiredService<OperatorNoticeStore>();
        var now = ApiTestHost.Now;
        var today = LondonTime.ToLocal(now).Date;
        foreach (var (alert, kind, day) in new[]
                 {
                     ("A-1", OperatorNoticeKind.UnconfirmedSend, today),
                     ("A-2", OperatorNoticeKind.UnconfirmedSend, today.PlusDays(-6)),
                     ("A-3", OperatorNoticeKind.RepeatedSend, today),
                     ("A-4", OperatorNoticeKind.Bounced, today.PlusDays(-1)),
                     ("A-5", OperatorNoticeKind.UnconfirmedSend, today.PlusDays(-7)),
                 })
        {
            await store.TryAddAsync(new NoticeRecord($"{alert}-{kind}", day, kind.ToString(), "detail", now, alert, "CC-2026-" + alert, "SMT-LEI"), CancellationToken.None);
        }

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(200, status);
        var attention = body.GetProperty("alertAttention");
        Assert.Equal(2, attention.GetProperty("unconfirmed").GetInt32());
        Assert.Equal(1, attention.GetProperty("repeated").GetInt32());
        Assert.Equal(1, attention.GetProperty("bounced").GetInt32());
        Assert.Equal(0, attention.GetProperty("held").GetInt32());
        var warnings = body.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("2 Alert Form(s) unconfirmed", StringComparison.Ordinal) && w.Contains("coc alert release", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("1 Alert Form(s) re-sent automatically", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("held", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_NoSmtpRelayConfigured_FailsNamingTheSetting()
    {
        // Validated at start (ValidateOnStart): the host does not come up half-registered without its mail relay.
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => ApiTestHost.StartAsync(azurite, new Dictionary<string, string?> { ["Mail:Smtp:Host"] = null }));

        Assert.Contains("Mail:Smtp:Host is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_RelayGreetsWith421_Answers503Unreachable()
    {
        await using var smtp = new FakeSmtpGreeter("421 service not available\r\n");
        await using var host = await ApiTestHost.StartAsync(azurite, SmtpSettings(smtp.Port));
        await SeedLiveDirectoryAsync(host, version: 1);

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(503, status);
        Assert.Equal("unreachable", body.GetProperty("smtp").GetString());
    }

    [Fact]
    public async Task Health_NoDirectoryImported_Answers503()
    {
        await using var smtp = new FakeSmtpGreeter();
        await using var host = await ApiTestHost.StartAsync(azurite, SmtpSettings(smtp.Port));

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/api/health");

        Assert.Equal(503, status);
        Assert.Equal(JsonValueKindNull, body.GetProperty("directoryVersion").ValueKind);
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("directory", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_StorageUnreachable_Answers503AndSaysSo()
    {
        // A port nothing listens on: every storage call fails at the transport.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var connection = DevelopmentStorage.ConnectionString(port, port, port);
        await using var app = await HubTestApp.StartLocalAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["LocalRunner:ApiKey"] = ApiTestHost.ApiKey,
        });
        using var request = ApiTestHost.Request(HttpMethod.Get, "/api/health");

        using var response = await app.Client.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body.GetProperty("storageReachable").GetBoolean());
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("Storage did not answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_CalendarLoadedByThePipeline_IsTheCoverageReportedAtOnce()
    {
        // Its own Azurite: the loaded calendar lives in the shared `processed` container, which other tests read.
        var own = new AzuriteFixture();
        await own.InitializeAsync();
        try
        {
            await using var host = await ApiTestHost.StartAsync(own);
            var (_, before, _) = await host.SendAsync(HttpMethod.Get, "/api/health");
            var shippedYear = before.GetProperty("calendar").GetProperty("lastCoveredYear").GetInt32();

            // What the calendar inbox's ingest does with a newer GOV.UK file (FileIngestor → CalendarProvider.ReplaceAsync).
            var file = BankHolidaysFile(shippedYear + 5);
            var candidate = Core.Time.WorkingCalendar.FromHolidays(Ingestion.BankHolidays.BankHolidayFileParser.Parse(file));
            Assert.True(await host.Services.GetRequiredService<Hub.Pipeline.CalendarProvider>().ReplaceAsync(file, candidate, CancellationToken.None));
            var (_, after, _) = await host.SendAsync(HttpMethod.Get, "/api/health");

            // Reported at once: the health check reads the pipeline's own provider, not a copy with its own cache.
            Assert.Equal(shippedYear + 5, after.GetProperty("calendar").GetProperty("lastCoveredYear").GetInt32());
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    /// <summary>A GOV.UK bank-holidays file (formats.md §6) with New Year's Day of 2026..<paramref name="lastYear"/>.</summary>
    private static byte[] BankHolidaysFile(int lastYear) => System.Text.Encoding.UTF8.GetBytes(
        "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":["
        + string.Join(",", Enumerable.Range(2026, lastYear - 2025).Select(year => string.Create(CultureInfo.InvariantCulture,
            $"{{\"title\":\"New Year's Day\",\"date\":\"{year}-01-01\",\"notes\":\"\",\"bunting\":true}}")))
        + "]}}");

    [Fact]
    public async Task Health_WithoutApiKey_Answers401WithAProblemDocument()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);

        using var response = await host.Anonymous.GetAsync("/api/health");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        ApiProblemAssert.IsProblem(body.RootElement, 401);
    }

    [Fact]
    public async Task QueueProbe_CountsMessagesAndPoison_AndAgesTheFrontMessage()
    {
        var storage = HubStorage.ForConnectionString(azurite.ConnectionString);
        var queue = new HubQueue(azurite.UniqueName("probe"), Connection: null);
        var main = storage.Queue(queue.Name);
        var poison = storage.Queue(queue.PoisonName);
        await main.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        await main.SendMessageAsync("{\"a\":1}");
        await main.SendMessageAsync("{\"a\":2}");
        await poison.SendMessageAsync("{\"a\":3}");
        var probe = new QueueProbe(storage, TimeProvider.System);

        var status = await probe.ProbeAsync(queue, CancellationToken.None);
        var missing = await probe.ProbeAsync(new HubQueue(azurite.UniqueName("missing"), null), CancellationToken.None);

        Assert.True(status.Exists);
        Assert.Equal(2, status.Depth);
        Assert.NotNull(status.OldestMessageAgeSeconds);
        Assert.Equal(1, status.PoisonDepth);
        Assert.NotNull(status.OldestPoisonAgeSeconds);
        Assert.False(missing.Exists);
        Assert.Equal(0, missing.Depth);
        Assert.Null(missing.OldestMessageAgeSeconds);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:RequireStartTls"] = "false",
        ["Mail:Smtp:SenderAddress"] = "hub@hub.cjsm.net",
    };

    /// <summary>The directory's live pointer as the importer writes it (<c>DirectoryStore</c>: row <c>live</c>/<c>pointer</c>, moved last).</summary>
    private async Task SeedLiveDirectoryAsync(ApiTestHost host, int version)
    {
        var table = new TableClient(azurite.ConnectionString, host.TablePrefix + "dir");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("live", "pointer") { ["Version"] = version, ["LatestAllocated"] = version }, TableUpdateMode.Replace);
    }
}
