using ContinuityOfCare.Cli.Demo;
using ContinuityOfCare.Cli.Tests.Plan;
using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Demo;

/// <summary>
/// README "Running the hub's main job": the main job tells a newcomer how to query the running hub (the API key or
/// where it is, the storage connection string, a ready-to-paste <c>coc status</c> line); a second <c>--data-dir</c> run
/// says that nothing new was sent instead of repeating the first run's summary; no records-per-second figure.
/// </summary>
public sealed class DemoRunnerOutputTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("coc-demo-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_second_data_dir_run_sends_nothing_new_and_says_so_and_both_runs_say_how_to_query_the_hub()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        foreach (var output in new[] { first, second })
        {
            Assert.Contains($"API key: in {Path.Combine(_data, "demo-api-key")}", output, StringComparison.Ordinal);
            Assert.Contains("Storage (Azurite; its well-known development key): DefaultEndpointsProtocol=http;", output, StringComparison.Ordinal);
            Assert.Matches(@"The operator console: http://127\.0\.0\.1:\d+/api/console/ ", output);
            Assert.Contains("-- status --connection-string \"DefaultEndpointsProtocol=http;", output, StringComparison.Ordinal);
            Assert.DoesNotContain("records/s", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("already sent earlier", first, StringComparison.Ordinal);
        Assert.Contains("Alert Forms: 0 new, 74 already sent earlier (9 feed files were ingested by an earlier run", second, StringComparison.Ordinal);
        Assert.Contains("every feed file was already ingested by an earlier run (--data-dir): nothing new to route", second, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync()
    {
        Assert.True(LondonTime.TryParse(PlanGoldenTests.FixedNow, out Instant now, out _));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await new DemoRunner(new DemoSettings(now, RepositoryPaths.Samples, _data, ExitWhenDone: true, TimeSpan.FromMinutes(5)), output, error)
            .RunAsync(CancellationToken.None);
        Assert.True(exit == 0, $"the main job failed ({exit}): {error}\n{output}");
        return output.ToString();
    }
}
