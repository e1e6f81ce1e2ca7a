using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Console;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.LocalRunner;
using ContinuityOfCare.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The world every console test shares: a real Azurite and maildev, the hub's function classes on the local runner
/// against them (clock at the samples' "now", Thu 24 Dec 2026 17:00 UTC), the sample world of <c>samples/</c> loaded
/// and fully routed, and one headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class ConsoleWorld : IAsyncLifetime
{
    /// <summary>The local runner's API key (the console's local sign-in).</summary>
    public const string ApiKey = "console-test-key";

    /// <summary>The samples' "now".</summary>
    public static readonly Instant SamplesNow = Instant.FromUtc(2026, 12, 24, 17, 0);

    private readonly AzuriteFixture _azurite = new();
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The SMTP server the hub sends to.</summary>
    public MaildevServer Maildev { get; private set; } = null!;

    /// <summary>Every storage request the hub's clients send (a pipeline policy on each), for counting a page's queries.</summary>
    public StorageRequestLog StorageRequests { get; } = new();

    /// <summary>The hub's clock.</summary>
    public FakeClock Clock { get; } = new(SamplesNow);

    /// <summary>Where the hub listens (<c>http://127.0.0.1:port</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The storage connection string.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    /// <summary>A service of the running hub.</summary>
    public T Get<T>()
        where T : notnull => _app!.Services.GetRequiredService<T>();

    /// <summary>The repository root (the folder holding ContinuityOfCare.sln).</summary>
    public static string RepositoryRoot => Testing.RepositoryRoot.Path;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Maildev = await MaildevServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["LocalRunner:BlobPollingInterval"] = "00:00:00.200",
            ["LocalRunner:ShutdownGrace"] = "00:00:01",
            ["LocalRunner:ApiKey"] = ApiKey,
            ["State:IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Mail:Smtp:Host"] = MaildevServer.Host,
            ["Mail:Smtp:Port"] = Maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:RequireStartTls"] = "false",
            ["Mail:Smtp:SenderAddress"] = "hub@continuity-hub.gov.uk",
            ["Mail:Resilience:MessagesPerMinute"] = "0",
            ["Mail:Resilience:RetryBaseDelay"] = "00:00:00.050",
            ["Acknowledgements:CurrentKeyId"] = "console",
            ["Acknowledgements:Keys:console"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Pipeline:PublicBaseUrl"] = "http://127.0.0.1:7071/",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddLocalRunner();
        builder.Services.AddSingleton<NodaTime.IClock>(Clock);
        builder.Services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(StorageRequests, Azure.Core.HttpPipelinePosition.PerCall)));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.MapLocalRunner();
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        await LoadSamplesAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    /// <summary>A fresh browser context (its own cookies) at the hub's address.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        // A bound for a busy 2-core CI machine, not a timing assertion.
        context.SetDefaultTimeout(60_000);
        return context;
    }

    /// <summary>A page signed in through the log-in form with the API key.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/console/login");
        await page.GetByLabel("API key").FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 }).WaitForAsync();
        return page;
    }

    /// <summary>Waits for <paramref name="text"/> on the page; on failure the message carries what the page's main content said.</summary>
    public static async Task ExpectTextAsync(IPage page, string text)
    {
        try
        {
            await page.GetByText(text).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        }
        catch (TimeoutException exception)
        {
            var main = await page.Locator("main").InnerTextAsync();
            throw new TimeoutException($"'{text}' did not appear on {page.Url}; the page said: {main}", exception);
        }
    }

    /// <summary>A session cookie (name=value) for <paramref name="user"/>, signed by the running hub.</summary>
    public string SessionCookie(ConsoleUser user)
    {
        var header = Get<ConsoleAuthenticator>().SessionCookieFor(user, https: false);
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>An HTTP client that follows no redirects, optionally carrying a session cookie.</summary>
    public HttpClient Client(string? cookie = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    /// <summary>The operator.</summary>
    public static ConsoleUser Operator { get; } = new("test-operator", true, new HashSet<string>(), "operator-session");

    /// <summary>A team member of <paramref name="orgCodes"/>.</summary>
    public static ConsoleUser Member(params string[] orgCodes) => new("test-member", false, new HashSet<string>(orgCodes), "member-session-" + string.Join('-', orgCodes));

    private async Task LoadSamplesAsync()
    {
        var samples = Path.Combine(RepositoryRoot, "samples");
        await DropAsync(InboxContainers.Directory, Path.Combine(samples, "directory.csv"));
        await WaitAsync(async () => (await Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live is not null, "the directory import");
        var register = await DropAsync(InboxContainers.Clients, Path.Combine(samples, "clients.csv"));
        await WaitAsync(async () => await Get<IngestedFileStore>().GetAsync(register, CancellationToken.None) is { Status: not IngestedFileStatus.Claimed }, "the register import");
        var feeds = new List<string>();
        foreach (var (container, folder) in new[] { (InboxContainers.CourtLists, "court-lists"), (InboxContainers.CourtResults, "court-results"), (InboxContainers.Discharges, "discharges") })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(samples, folder)).Order(StringComparer.Ordinal))
            {
                feeds.Add(await DropAsync(container, file));
            }
        }

        foreach (var sha in feeds)
        {
            await WaitAsync(async () => await Get<IngestedFileStore>().GetAsync(sha, CancellationToken.None) is { Status: not IngestedFileStatus.Claimed }, "every feed file");
        }

        // Every stage queue drained: files routed and Alert Forms sent.
        await WaitAsync(async () =>
        {
            foreach (var queue in HubQueue.All)
            {
                if ((await Get<QueueProbe>().ProbeAsync(queue, CancellationToken.None)).Depth > 0)
                {
                    return false;
                }
            }

            return true;
        }, "the stage queues to drain", TimeSpan.FromSeconds(120));

        // A second directory version, so the console has an import's diff to show and a prison that is expected to
        // send a discharge export but has not: HMP Hull is added (in effect since 1 Dec), HMP Leeds's phone changes.
        SecondDirectory = (await File.ReadAllTextAsync(Path.Combine(samples, "directory.csv")))
            .Replace("0113 496 0501", "0113 496 0509", StringComparison.Ordinal).TrimEnd('\n', '\r')
            + "\n" + AddedPrisonRow + "\n";
        await DropDirectoryAsync("directory-second.csv", SecondDirectory);
        await WaitAsync(async () => (await Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live is { Version: 2 }, "the second directory import");
    }

    /// <summary>The live directory file: the samples' with HMP Hull added and HMP Leeds's phone changed.</summary>
    public string SecondDirectory { get; private set; } = "";

    /// <summary>Drops a directory file in the directory inbox (the blob trigger imports it).</summary>
    public Task<string> DropDirectoryAsync(string name, string csv) =>
        DropAsync(InboxContainers.Directory, name, System.Text.Encoding.UTF8.GetBytes(csv));

    /// <summary>The prison SMT the world's second directory version adds; it sends no discharge export.</summary>
    public const string AddedPrison = "HLI";

    private const string AddedPrisonRow =
        AddedPrison + ",PRISON_SMT,HMP Hull Substance Misuse Team,Sam Hollis,smt.hull@justice.gov.uk,0113 496 0505,,smt.hull.manager@justice.gov.uk,,,,2026-12-01";

    private async Task<string> DropAsync(string container, string path) =>
        await DropAsync(container, Path.GetFileName(path), await File.ReadAllBytesAsync(path));

    private async Task<string> DropAsync(string container, string name, byte[] content)
    {
        var client = new BlobContainerClient(ConnectionString, container);
        await client.CreateIfNotExistsAsync();
        using var stream = new MemoryStream(content);
        await client.GetBlobClient(name).UploadAsync(stream, overwrite: true);
        return Convert.ToHexStringLower(SHA256.HashData(content));
    }

    /// <summary>Polls <paramref name="condition"/> until true (a bound, not a timing assertion).</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? bound = null)
    {
        using var limit = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException("gave up waiting for " + what);
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Maildev.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
