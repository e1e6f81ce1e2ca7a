using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.FunctionApp.Tests.Support;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.LocalHost;

/// <summary>The local host's queue semantics (host.json extensions.queues; architecture.md "Reliability rules").</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerLocalHostTests(AzuriteFixture azurite)
{
    private Dictionary<string, string?> Settings => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        // Retry at once and poll fast; maxDequeueCount stays host.json's 5.
        ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
        ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
        ["LocalRunner:BlobPollingInterval"] = "00:01:00",
    };

    [Fact]
    public async Task HostJson_MaxDequeueCount5_FailingMessageIsTriedFiveTimesThenMovedToPoison()
    {
        var queueName = azurite.UniqueName("fails");
        var log = new InvocationLog();
        await using var app = await HubTestApp.StartLocalAsync(new Dictionary<string, string?>(Settings) { ["FailingInput"] = queueName }, services => services.AddSingleton(log), typeof(AlwaysFailsFunction));
        var queue = HubStorage.ForConnectionString(azurite.ConnectionString).Queue(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("""{"caseId":"c-9"}""");

        var poison = HubStorage.ForConnectionString(azurite.ConnectionString).Queue(queueName + "-poison");
        var poisoned = await Eventually.GetAsync(async () =>
        {
            await poison.CreateIfNotExistsAsync();
            return (await poison.PeekMessagesAsync(5)).Value is { Length: > 0 } messages ? messages : null;
        }, "the poison message");

        Assert.Equal("""{"caseId":"c-9"}""", Assert.Single(poisoned).Body.ToString());
        Assert.Equal(["1", "2", "3", "4", "5"], log.Inputs);
        Assert.Empty((await queue.PeekMessagesAsync(5)).Value);
    }

    [Fact]
    public async Task Hosting_SucceedingMessage_IsDeletedAndItsOutputsSent()
    {
        var input = azurite.UniqueName("echoin");
        var output = azurite.UniqueName("echoout");
        var log = new InvocationLog();
        await using var app = await HubTestApp.StartLocalAsync(
            new Dictionary<string, string?>(Settings) { ["EchoInput"] = input, ["EchoOutput"] = output }, services => services.AddSingleton(log), typeof(EchoFunction));
        var queue = HubStorage.ForConnectionString(azurite.ConnectionString).Queue(input);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");

        var outQueue = HubStorage.ForConnectionString(azurite.ConnectionString).Queue(output);
        var sent = await Eventually.GetAsync(async () =>
        {
            await outQueue.CreateIfNotExistsAsync();
            return (await outQueue.PeekMessagesAsync(5)).Value is { Length: 2 } messages ? messages : null;
        }, "the two output messages");

        // Outputs are sent side by side, in no particular order (as the Functions host promises none).
        Assert.Equal(["1", "hello"], sent.Select(message => message.Body.ToString()).Order(StringComparer.Ordinal));
        await Eventually.GetAsync(async () => (await queue.PeekMessagesAsync(1)).Value.Length == 0 ? "deleted" : null, "the input message deleted");
    }
}
