using System.Net;
using System.Text;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.LocalHost;

/// <summary>Local host HTTP functions (architecture.md "Security rules": an API key; only readiness is anonymous) and runOnStartup timers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalHttpAndTimerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ApiKey = "test-key-0f5c";
    private readonly InvocationLog _log = new();
    private HubTestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await HubTestApp.StartLocalAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["LocalRunner:ApiKey"] = ApiKey,
            ["LocalRunner:BlobPollingInterval"] = "00:01:00",
        }, services => services.AddSingleton(_log), typeof(PingFunction), typeof(TickFunction));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ArchitectureSecurity_Readiness_IsAnonymous()
    {
        using var response = await _app.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task ArchitectureSecurity_HttpFunction_WithoutTheKey_Is401(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/ping/7", UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_log.Inputs, input => input is "GET" or "POST");
    }

    [Fact]
    public async Task Hosting_HttpFunction_WithKeyHeader_RunsWithRouteQueryAndBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/ping/42?who=smt", UriKind.Relative))
        {
            Content = new StringContent("hello", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("x-functions-key", ApiKey);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("pong 42 smt hello", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Hosting_HttpFunction_WithCodeQuery_Runs_AndUnlistedMethodIsRefused()
    {
        using var get = await _app.Client.GetAsync(new Uri($"api/ping/9?code={ApiKey}", UriKind.Relative));
        using var delete = await _app.Client.DeleteAsync(new Uri($"api/ping/9?code={ApiKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, get.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task Hosting_TimerWithRunOnStartup_FiresWhenTheHostStarts()
    {
        var fired = await Eventually.GetAsync(() => Task.FromResult(_log.Inputs.FirstOrDefault(input => input.StartsWith("tick", StringComparison.Ordinal))), "the start-up firing");

        Assert.Equal("tick False", fired);
    }
}
