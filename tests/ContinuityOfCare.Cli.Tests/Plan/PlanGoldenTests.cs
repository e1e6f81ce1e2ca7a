using ContinuityOfCare.Cli.Commands;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Plan;

/// <summary>
/// The golden test (docs/plan.md: the same files and <c>--now</c> give byte-identical JSON): <c>coc plan --json</c> on the committed <c>samples/</c> with a fixed <c>--now</c> equals
/// the approved <c>plan-golden.json</c> byte for byte. To approve a deliberate change, run the test with
/// <c>COC_APPROVE_GOLDEN=1</c> (it rewrites the file and fails, so an approval is never silent), review the diff, commit.
/// </summary>
public class PlanGoldenTests
{
    /// <summary>The sample world's intended "now" (SampleWorldGenerator.IntendedNow): 24 Dec 2026 17:00 UTC.</summary>
    public const string FixedNow = "2026-12-24T17:00:00Z";

    internal static PlanRequest SamplesRequest(bool json = true)
    {
        var samples = RepositoryPaths.Samples;
        string[] Files(string folder, string pattern) =>
            Directory.Exists(Path.Combine(samples, folder))
                ? [.. Directory.GetFiles(Path.Combine(samples, folder), pattern).Order(StringComparer.Ordinal)]
                : [];
        return new PlanRequest(
            Path.Combine(samples, "clients.csv"),
            Path.Combine(samples, "directory.csv"),
            1,
            null,
            FixedNow,
            Files("court-lists", "*.json"),
            Files("court-results", "*.csv"),
            Files("discharges", "*.csv"),
            json);
    }

    internal static async Task<(int Exit, string Output, string Error)> RunAsync(PlanRequest request)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter();
        var exit = await PlanCommand.RunAsync(request, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Plan_golden_json_on_the_committed_samples_matches_the_approved_file()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Samples, "clients.csv")), "samples/clients.csv is missing: the committed sample world is required");
        var (exit, output, error) = await RunAsync(SamplesRequest());
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);

        if (Environment.GetEnvironmentVariable("COC_APPROVE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(RepositoryPaths.GoldenPlan, output);
            Assert.Fail($"approved a new golden plan at {RepositoryPaths.GoldenPlan}: review the diff and run again without COC_APPROVE_GOLDEN");
        }

        Assert.True(File.Exists(RepositoryPaths.GoldenPlan), "plan-golden.json is missing: run once with COC_APPROVE_GOLDEN=1 and review it");
        var golden = await File.ReadAllTextAsync(RepositoryPaths.GoldenPlan);
        Assert.Equal(golden, output);
    }

    [Fact]
    public async Task Plan_json_is_byte_identical_for_the_same_inputs_and_now()
    {
        var first = await RunAsync(SamplesRequest());
        var second = await RunAsync(SamplesRequest() with { CourtLists = [.. SamplesRequest().CourtLists.Reverse()] });
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Plan_human_summary_shows_counts_alerts_obligations_and_tasks()
    {
        var (exit, output, _) = await RunAsync(SamplesRequest(json: false));
        Assert.Equal(0, exit);
        Assert.Contains("SPOC directory version 1", output, StringComparison.Ordinal);
        Assert.Contains("Alerts (", output, StringComparison.Ordinal);
        Assert.Contains("Obligations opened (", output, StringComparison.Ordinal);
        Assert.Contains("Tasks (", output, StringComparison.Ordinal);
    }
}
