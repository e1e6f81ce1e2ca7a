using System.Net;
using System.Net.Sockets;
using ContinuityOfCare.Cli.Commands;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>
/// docs/cli.md "Storage problems": every storage verb, with nothing listening where the connection points, says in one
/// sentence what it tried to reach and what to do, exits <see cref="StorageTrouble.ExitCode"/>, and prints a stack trace
/// only with <c>--verbose</c>; an empty account is a valid state for <c>status</c>.
/// </summary>
[Collection(OperationsAzuriteCollection.Name)]
public sealed class StorageTroubleTests(AzuriteFixture azurite)
{
    public static TheoryData<string[]> StorageVerbs => new()
    {
        new[] { "status" },
        new[] { "replay-poison", "route" },
        new[] { "directory", "import", SampleDirectory() },
        new[] { "alert", "release", "a1b2c3d4e5f60718" },
    };

    [Theory]
    [MemberData(nameof(StorageVerbs))]
    public async Task A_storage_verb_with_storage_down_says_what_it_tried_to_reach_in_one_sentence(string[] verb)
    {
        var port = ClosedPort();
        var connection = DownConnection(port);

        var (exit, _, error) = await CliRunner.RunAsync([.. verb, "--connection-string", connection]);
        var (verboseExit, _, verboseError) = await CliRunner.RunAsync([.. verb, "--connection-string", connection, "--verbose"]);

        Assert.Equal(StorageTrouble.ExitCode, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"storage at http://127.0.0.1:{port} — is Azurite running", line, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        Assert.Equal(StorageTrouble.ExitCode, verboseExit);
        Assert.Contains("   at ", verboseError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_run_with_storage_down_says_so_in_one_sentence_and_still_starts()
    {
        foreach (var (name, value) in HubSettings.Required)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var storagePort = ClosedPort();
        var httpPort = ClosedPort();
        using var stop = new CancellationTokenSource();
        var run = CliRunner.RunAsync(stop.Token, "hub", "run", "--connection-string", DownConnection(storagePort), "--urls", $"http://127.0.0.1:{httpPort}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        var started = false;
        for (var attempt = 0; attempt < 300 && !started && !run.IsCompleted; attempt++)
        {
            try
            {
                await client.GetAsync("/");
                started = true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await stop.CancelAsync();
        var (exit, _, error) = await run;

        Assert.True(started, error);
        Assert.Equal(0, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coc hub run: cannot reach ", line, StringComparison.Ordinal);
        Assert.Contains($"storage at http://127.0.0.1:{storagePort} — is Azurite running", line, StringComparison.Ordinal);
        Assert.EndsWith("The hub starts anyway and keeps retrying.", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_on_an_empty_account_is_a_valid_state()
    {
        var (exit, output, error) = await CliRunner.RunAsync("status", "--connection-string", azurite.ConnectionString, "--table-prefix", azurite.UniqueName("empty"));

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Contains("none (no obligations table yet", output, StringComparison.Ordinal);
        Assert.Contains("Operator notices (last 7 days)\n  none", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    /// <summary>Azurite's well-known development account, pointed at a port where nothing listens.</summary>
    private static string DownConnection(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteFixture.DevelopmentAccountName};AccountKey={AzuriteFixture.DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{port}/{AzuriteFixture.DevelopmentAccountName};";

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string SampleDirectory() => Path.Combine(Plan.RepositoryPaths.Samples, "directory.csv");
}
