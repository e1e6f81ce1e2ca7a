using ContinuityOfCare.Cli.Commands;
using ContinuityOfCare.Cli.Tests.Operations;
using ContinuityOfCare.Cli.Tests.Plan;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Cli.Tests;

/// <summary>
/// docs/cli.md: what a newcomer meets at the command line — required options marked in <c>--help</c> and missing ones
/// exit 2, a folder given as a file named as such, an alert found by the reference people quote, and a readable plan
/// that lists at most 1,000 rejections before counting the rest by reason.
/// </summary>
public sealed class CommandLineUsabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("coc-usability-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Deadline_help_marks_rule_and_start_as_required()
    {
        var (exit, output, _) = await CliRunner.RunAsync("deadline", "--help");

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("--rule", StringComparison.Ordinal) && l.Contains("(REQUIRED)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("--start", StringComparison.Ordinal) && l.Contains("(REQUIRED)", StringComparison.Ordinal));
    }

    public static TheoryData<string[]> FileArguments => new()
    {
        new[] { "plan", "--clients", "{dir}", "--directory", "{dir}" },
        new[] { "alert", "preview", "--plan-json", "{dir}", "--out", "{dir}/out" },
        new[] { "directory", "import", "{dir}", "--connection-string", "UseDevelopmentStorage=true" },
    };

    [Theory]
    [MemberData(nameof(FileArguments))]
    public async Task A_directory_given_as_a_file_is_named_as_a_directory_with_exit_2(string[] args)
    {
        var (exit, _, error) = await CliRunner.RunAsync([.. args.Select(a => a.Replace("{dir}", _folder, StringComparison.Ordinal))]);

        Assert.Equal(2, exit);
        Assert.Contains($"{_folder} is a directory, not a file", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Alert_preview_finds_an_alert_by_its_printed_reference(bool lowerCase)
    {
        var (planExit, planJson, _) = await PlanGoldenTests.RunAsync(PlanGoldenTests.SamplesRequest());
        Assert.Equal(0, planExit);
        var planPath = Path.Combine(_folder, "plan.json");
        await File.WriteAllTextAsync(planPath, planJson);
        using var plan = System.Text.Json.JsonDocument.Parse(planJson);
        var reference = plan.RootElement.GetProperty("alerts")[0].GetProperty("reference").GetString()!;
        Assert.StartsWith("CC-2026-", reference, StringComparison.Ordinal);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AlertCommand.PreviewAsync(planPath, lowerCase ? reference.ToLowerInvariant() : reference, Path.Combine(_folder, "preview"), output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(reference + " -> ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, 999, false)]
    [InlineData(1000, 1000, false)]
    [InlineData(1500, 1000, true)]
    public void The_readable_plan_lists_at_most_1000_rejections_then_counts_them_by_reason(int rejections, int listed, bool counted)
    {
        var rejected = Enumerable.Range(2, rejections)
            .Select(line => new Rejection(new SourceRef("junk.csv", Line: line), line % 2 == 0 ? "the row does not have as many cells as the header" : "surname is required"))
            .ToList();
        var plan = PlanUnion.Unite([], Instant.FromUtc(2026, 12, 24, 17, 0), 1, 0, rejected);

        var summary = PlanCommand.PlanSummary(plan).Split('\n');

        Assert.Equal(listed, summary.Count(l => l.StartsWith("  rejected junk.csv:", StringComparison.Ordinal)));
        Assert.Equal(counted, summary.Any(l => l.Contains($"{rejections - 1000} more not listed; all {rejections} by reason", StringComparison.Ordinal)));
        Assert.Equal(counted ? 2 : 0, summary.Count(l => l.TrimStart().Length > 0 && char.IsAsciiDigit(l.TrimStart()[0]) && l.Contains(" rejected: ", StringComparison.Ordinal)));
    }
}
