using System.Net.Http.Json;
using System.Text.Json;
using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// The real app as its own local host on a loopback port, against the shared Azurite, with tables of its own (a
/// unique <c>State:TablePrefix</c> and directory table), an API key and an acknowledgement key ring.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    /// <summary>The API key the host requires.</summary>
    public const string ApiKey = "api-test-key-0123456789";

    private ApiTestHost(HubTestApp app, string prefix)
    {
        App = app;
        TablePrefix = prefix;
    }

    /// <summary>The running app.</summary>
    public HubTestApp App { get; }

    /// <summary>This host's table prefix.</summary>
    public string TablePrefix { get; }

    /// <summary>A client without the key.</summary>
    public HttpClient Anonymous => App.Client;

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => App.App.Services;

    /// <summary>The acknowledgement key's secret (base64), so a test can sign with another ring.</summary>
    public static string AckSecret { get; } = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>Starts a host; <paramref name="extra"/> adds or overrides settings, <paramref name="services"/> registers test services.</summary>
    public static async Task<ApiTestHost> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = azurite.UniqueName("api");
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["LocalRunner:ApiKey"] = ApiKey,
            ["State:IndexKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
            ["State:TablePrefix"] = prefix,
            ["DirectoryImport:Table"] = prefix + "dir",
            ["Acknowledgements:CurrentKeyId"] = "k1",
            ["Acknowledgements:Keys:k1"] = AckSecret,
            ["Acknowledgements:Validity"] = "14.00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = await HubTestApp.StartLocalAsync(settings, services);
        var host = new ApiTestHost(app, prefix);
        await host.Services.GetRequiredService<StateTables>().EnsureCreatedAsync(CancellationToken.None);
        return host;
    }

    /// <summary>A request with the API key in the <c>x-functions-key</c> header.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string path, object? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", ApiKey);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        return request;
    }

    /// <summary>Sends with the key and returns the status and parsed JSON body (null when the body is not JSON).</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, object? json = null)
    {
        using var request = Request(method, path, json);
        var response = await Anonymous.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body = default;
        if (text.Length > 0 && (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) ?? false))
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }

        return ((int)response.StatusCode, body, response);
    }

    /// <summary>Opens an obligation straight in the store (as the route step would).</summary>
    public async Task<Obligation> OpenObligationAsync(string id, string rule, string owner, Instant due, string clientId = "C-1", string? eventId = null)
    {
        var obligation = new Obligation(id, rule, owner, due - Duration.FromHours(24), due, LateFromStart: false, ObligationPriority.Standard);
        await Services.GetRequiredService<ObligationStore>().OpenAsync(
            new NewObligation(obligation, clientId, eventId ?? "E-" + id, "send the DIR to the prison SMT"), CancellationToken.None);
        return obligation;
    }

    /// <summary>Signs an acknowledgement link with the host's key ring.</summary>
    public string IssueToken(string obligationId, Instant issuedAt) =>
        Services.GetRequiredService<AcknowledgementTokens>().Issue(obligationId, issuedAt).Token;

    /// <summary>Now, from the system clock (tests build due instants relative to it; they never assert it).</summary>
    public static Instant Now => SystemClock.Instance.GetCurrentInstant();

    /// <summary>An instant as the API writes it (ISO-8601 UTC with fractional seconds).</summary>
    public static string Iso(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    /// <summary>A fresh id for this test.</summary>
    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => App.DisposeAsync();
}
