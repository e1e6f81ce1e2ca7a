using ContinuityOfCare.Hub.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary><c>coc replay-poison</c> against Azurite: every message moved back, byte for byte, none lost, counts right.</summary>
[Collection(OperationsAzuriteCollection.Name)]
public sealed class ReplayPoisonCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReplayPoison_MovesEveryMessageBackUnchanged_AndEmptiesThePoisonQueue()
    {
        var queue = azurite.UniqueName("replay");
        var raw = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var poison = new QueueClient(azurite.ConnectionString, queue + "-poison", raw);
        await poison.CreateIfNotExistsAsync();
        // 40 messages: more than one receive batch (32). Base64 as the Functions host writes them, plus one that is
        // not base64 at all (it must move unchanged too).
        var sent = Enumerable.Range(0, 39)
            .Select(i => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")))
            .Append("not base64 at all!")
            .ToList();
        foreach (var text in sent)
        {
            await poison.SendMessageAsync(text);
        }

        var (exitCode, output, error) = await CliRunner.RunAsync("replay-poison", queue, "--connection-string", azurite.ConnectionString);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains($"Moved 40 message(s) from {queue}-poison to {queue}.", output, StringComparison.Ordinal);
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var received = await DrainAsync(new QueueClient(azurite.ConnectionString, queue, raw));
        Assert.Equal(sent.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplayPoison_DryRun_CountsAndMovesNothing()
    {
        var queue = azurite.UniqueName("dryrun");
        var poison = HubStorage.ForConnectionString(azurite.ConnectionString).Queue(queue + "-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("{\"a\":1}");
        await poison.SendMessageAsync("{\"a\":2}");

        var (exitCode, output, _) = await CliRunner.RunAsync("replay-poison", queue, "--dry-run", "--connection-string", azurite.ConnectionString);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{queue}-poison holds 2 message(s); nothing moved (--dry-run).", output, StringComparison.Ordinal);
        Assert.Equal(2, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.False((await HubStorage.ForConnectionString(azurite.ConnectionString).Queue(queue).DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task ReplayPoison_NoPoisonQueue_MovesNothingAndSucceeds()
    {
        var queue = azurite.UniqueName("nopoison");

        var (exitCode, output, _) = await CliRunner.RunAsync("replay-poison", queue, "--connection-string", azurite.ConnectionString);

        Assert.Equal(0, exitCode);
        Assert.Contains("holds 0 message(s); nothing moved.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("route-poison")]
    [InlineData("Route")]
    [InlineData("a")]
    public async Task ReplayPoison_NotAQueueName_Exits2(string queue)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("replay-poison", queue, "--connection-string", azurite.ConnectionString);

        Assert.Equal(2, exitCode);
        Assert.Contains("QUEUE must be a queue name", error, StringComparison.Ordinal);
    }

    private static async Task<List<string>> DrainAsync(QueueClient queue)
    {
        var texts = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                return texts;
            }

            texts.AddRange(batch.Select(m => m.Body.ToString()));
        }
    }
}
