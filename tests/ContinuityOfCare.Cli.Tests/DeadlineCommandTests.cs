using System.CommandLine;
using System.Text.Json;
using ContinuityOfCare.Cli.Commands;
using Xunit;

namespace ContinuityOfCare.Cli.Tests;

/// <summary>docs/deadlines.md "`coc deadline` and `coc rules`", run in-process through System.CommandLine with captured writers.</summary>
public sealed class DeadlineCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(DeadlineCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineEntry.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>000 Part 1, §PP2: the first four worked examples of docs/deadlines.md "The 24-hour rule", through <c>coc deadline --json</c>.</summary>
    [Theory]
    [InlineData("2026-12-10T15:00", """{"rule":"cjit.dir-to-prison","start":"2026-12-10T15:00:00+00:00","due":"2026-12-11T15:00:00+00:00","dueUtc":"2026-12-11T15:00:00Z","explanation":"24h window touched no non-working day; due 24 hours after the start"}""")]
    [InlineData("2026-12-11T15:00", """{"rule":"cjit.dir-to-prison","start":"2026-12-11T15:00:00+00:00","due":"2026-12-14T09:00:00+00:00","dueUtc":"2026-12-14T09:00:00Z","explanation":"24h window touched Sat 12 Dec 2026 (weekend); next working day Mon 14 Dec 2026 09:00"}""")]
    [InlineData("2026-12-13T20:00", """{"rule":"cjit.dir-to-prison","start":"2026-12-13T20:00:00+00:00","due":"2026-12-14T20:00:00+00:00","dueUtc":"2026-12-14T20:00:00Z","explanation":"24h window touched Sun 13 Dec 2026 (weekend); next working day Mon 14 Dec 2026 09:00 is earlier than 24 hours after the start, so due 24 hours after the start"}""")]
    [InlineData("2026-12-24T16:00", """{"rule":"cjit.dir-to-prison","start":"2026-12-24T16:00:00+00:00","due":"2026-12-29T09:00:00+00:00","dueUtc":"2026-12-29T09:00:00Z","explanation":"24h window touched Fri 25 Dec 2026 (Christmas Day); next working day Tue 29 Dec 2026 09:00"}""")]
    public async Task Deadline_000PartOne_WorkedExamplesAsJson(string start, string expectedJson)
    {
        var (exitCode, output, error) = await RunAsync("deadline", "--rule", "cjit.dir-to-prison", "--start", start, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Equal(expectedJson, output.TrimEnd());
    }

    [Fact]
    public async Task Deadline_000PartOne_TextShowsLondonUtcAndExplanation()
    {
        var (exitCode, output, _) = await RunAsync("deadline", "--rule", "cjit.dir-to-prison", "--start", "2026-12-24T16:00:00Z");

        Assert.Equal(0, exitCode);
        Assert.Contains("Due:       Tue 29 Dec 2026 09:00 Europe/London (2026-12-29T09:00:00+00:00)", output, StringComparison.Ordinal);
        Assert.Contains("Due (UTC): 2026-12-29T09:00:00Z", output, StringComparison.Ordinal);
        Assert.Contains("Why:       24h window touched Fri 25 Dec 2026 (Christmas Day); next working day Tue 29 Dec 2026 09:00", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_DomainTime_SummerDueShowsBritishSummerTimeOffset()
    {
        var (exitCode, output, _) = await RunAsync(
            "deadline", "--rule", "cjit.post-release-contact", "--start", "2027-03-25T10:00+00:00", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2027-04-05T23:59:59+01:00", json.RootElement.GetProperty("due").GetString());
        Assert.Equal("2027-04-05T22:59:59Z", json.RootElement.GetProperty("dueUtc").GetString());
        Assert.Equal(["rule", "start", "due", "dueUtc", "explanation"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Deadline_StyleNodaTime_SkippedLocalTimeIsShiftedForwardAndSaid()
    {
        var (exitCode, output, _) = await RunAsync("deadline", "--rule", "smt.clinical-assessment", "--start", "2026-03-29T01:30");

        Assert.Equal(0, exitCode);
        Assert.Contains("Note:      Sun 29 Mar 2026 01:30 does not exist in Europe/London", output, StringComparison.Ordinal);
        Assert.Contains("(2026-03-30T02:30:00+01:00)", output, StringComparison.Ordinal); // 02:30 BST + 24h elapsed
    }

    [Fact]
    public async Task Deadline_000PP7_ReleasePlanningNeedsTheReleaseDateAndFlagsLateness()
    {
        var missing = await RunAsync("deadline", "--rule", "smt.release-planning", "--start", "2027-01-10T11:15");
        var late = await RunAsync("deadline", "--rule", "smt.release-planning", "--start", "2027-01-10T11:15", "--date", "2027-02-01");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--date", missing.Error, StringComparison.Ordinal);
        Assert.Equal(0, late.ExitCode);
        Assert.Contains("Due:       Sun 10 Jan 2027 11:15", late.Output, StringComparison.Ordinal);
        Assert.Contains("Late:      late from the start", late.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["deadline", "--rule", "smt.nothing", "--start", "2026-12-24T16:00"], "unknown rule \"smt.nothing\"" },
        { ["deadline", "--start", "2026-12-24T16:00"], "Option '--rule' is required" },
        { ["deadline", "--rule", "cjit.dir-to-prison", "--start", "24/12/2026 4pm"], "cannot read the start time \"24/12/2026 4pm\"" },
        { ["deadline", "--rule", "cjit.dir-to-prison"], "Option '--start' is required" },
        { ["deadline", "--rule", "smt.release-planning", "--start", "2026-12-24T16:00", "--date", "1 Feb"], "cannot read the date" },
        { ["deadline", "--rule", "cjit.dir-to-prison", "--start", "2028-12-30T12:00"], "needs 2029" },
        { ["deadline", "--rule", "smt.keyworker", "--start", "2031-01-01T12:00"], "needs 2031" },
        { ["deadline", "--rule", "cjit.dir-to-prison", "--start", "2026-12-24T16:00", "--bank-holidays", "/nonexistent/bank-holidays.json"], "cannot use the bank-holidays file" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Deadline_Issue3_UnusableInputIsExitCode2WithAClearMessage(string[] args, string errorSays)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains(errorSays, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_DomainTime_BankHolidaysFileOptionIsUsedAndItsCoverageEnforced()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path,
            "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [{\"title\": \"Made-up Day\", \"date\": \"2026-12-11\", \"notes\": \"\", \"bunting\": true}]}}");
        try
        {
            var ok = await RunAsync("deadline", "--rule", "cjit.dir-to-prison", "--start", "2026-12-10T15:00", "--bank-holidays", path, "--json");
            var beyond = await RunAsync("deadline", "--rule", "cjit.dir-to-prison", "--start", "2026-12-31T15:00", "--bank-holidays", path);

            Assert.Equal(0, ok.ExitCode);
            Assert.Contains("\"due\":\"2026-12-14T09:00:00+00:00\"", ok.Output, StringComparison.Ordinal);
            Assert.Contains("Fri 11 Dec 2026 (Made-up Day)", ok.Output, StringComparison.Ordinal);
            Assert.Equal(2, beyond.ExitCode);
            Assert.Contains("covers 2026–2026; this deadline needs 2027", beyond.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Rules_DomainObligationTable_ListsEveryRuleWithDefaultsAndCitations()
    {
        var (exitCode, output, _) = await RunAsync("rules", "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(16, rules.Count);
        var releasePlanning = rules.Single(r => r.GetProperty("id").GetString() == "smt.release-planning");
        Assert.Equal(6, releasePlanning.GetProperty("deadline").GetProperty("weeks").GetInt32());
        Assert.Equal("000 §PP7, 2011 note §PP9", releasePlanning.GetProperty("citation").GetString());
        var activity = rules.Single(r => r.GetProperty("id").GetString() == "smt.activity-close");
        Assert.Equal(5, activity.GetProperty("deadline").GetProperty("workingDays").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("escalation").GetProperty("level2GraceWorkingDays").GetInt32());
    }

    [Fact]
    public async Task Rules_DomainObligationTable_TextNamesEachRuleOnce()
    {
        var (exitCode, output, _) = await RunAsync("rules");

        Assert.Equal(0, exitCode);
        Assert.Contains("cjit.dir-to-prison", output, StringComparison.Ordinal);
        Assert.Contains("source: 003 §4.7.2", output, StringComparison.Ordinal);
        Assert.Contains("Escalation: level 1 when past due; level 2 after 1 working day(s)", output, StringComparison.Ordinal);
    }
}
