using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.LocalHost;

/// <summary>
/// What the Functions host does for a living process, and so the local runner must: survive a storage outage without
/// a restart (and say so meanwhile), and hold a running message only as long as its function runs. These tests own
/// their Azurite, since one of them kills it.
/// </summary>
public sealed class RunnerResilienceTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public Task InitializeAsync() => _azurite.InitializeAsync();

    public Task DisposeAsync() => _azurite.DisposeAsync();

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["LocalRunner:BlobPollingInterval"] = "00:01:00",
            ["LocalRunner:MaxOutageBackoff"] = "00:00:01",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task StorageOutage_ListenerReportsItself_ThenRecoversWithoutARestart()
    {
        var input = _azurite.UniqueName("outin");
        var output = _azurite.UniqueName("outout");
        await using var app = await HubTestApp.StartLocalAsync(
            Settings(("EchoInput", input), ("EchoOutput", output)), services => services.AddSingleton(new InvocationLog()), typeof(EchoFunction));
        var health = app.App.Services.GetRequiredService<IHostHealth>();
        await SendAsync(input, "before");
        await EchoedAsync(output, "before");
        Assert.Empty(health.FailingListeners);

        await _azurite.StopAsync();
        var failing = await Eventually.GetAsync(
            () => Task.FromResult(health.FailingListeners.ContainsKey("queue " + input) ? "failing" : null), "the listener reporting the outage");
        await _azurite.RestartAsync();
        await SendAsync(input, "after");

        Assert.Equal("failing", failing);
        await EchoedAsync(output, "after");
        await Eventually.GetAsync(() => Task.FromResult(health.FailingListeners.Count == 0 ? "recovered" : null), "the listener recovering");
    }

    [Fact]
    public async Task MessageLease_RenewedWhileTheFunctionRuns_SoItIsNotDeliveredTwice()
    {
        var input = _azurite.UniqueName("slow");
        var gate = new SlowFunction.Gate();
        await using var app = await HubTestApp.StartLocalAsync(
            Settings(("SlowInput", input), ("LocalRunner:MessageLease", "00:00:03")), services => services.AddSingleton(gate), typeof(SlowFunction));
        await SendAsync(input, "long job");
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Three leases long: without renewal the message would be visible again (and a second invocation start).
        await Task.Delay(TimeSpan.FromSeconds(9));
        var visibleWhileRunning = (await Queue(input).PeekMessagesAsync(1)).Value.Length;
        gate.Release.SetResult();
        await Eventually.GetAsync(async () => (await Queue(input).GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? "deleted" : null, "the finished message deleted");

        Assert.Equal(0, visibleWhileRunning);
        Assert.Equal(1, gate.Invocations);
    }

    private Azure.Storage.Queues.QueueClient Queue(string name) => HubStorage.ForConnectionString(_azurite.ConnectionString).Queue(name);

    private async Task SendAsync(string queue, string message)
    {
        var client = Queue(queue);
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync(message);
    }

    private async Task EchoedAsync(string queue, string message)
    {
        var client = Queue(queue);
        var echoed = await Eventually.GetAsync(async () =>
        {
            await client.CreateIfNotExistsAsync();
            var peeked = (await client.PeekMessagesAsync(32)).Value;
            return peeked.Any(m => m.Body.ToString() == message) ? message : null;
        }, $"the echo of '{message}'");
        Assert.Equal(message, echoed);
    }
}
