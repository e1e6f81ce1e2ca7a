using System.Net;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The compliance CSV: the operator downloads the whole de-personalised report; a team member the report of its own
/// teams' obligations only — no other team's row, and a total equal to its team's row in the operator's report.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ComplianceCsvTests(ConsoleWorld world)
{
    private const string Csv = "/api/console/compliance/csv?month=2026-12";

    [Fact]
    public async Task A_team_members_CSV_holds_only_its_teams_rows_while_the_operator_keeps_the_whole_report()
    {
        using var op = world.Client(world.SessionCookie(ConsoleWorld.Operator));
        using var member = world.Client(world.SessionCookie(ConsoleWorld.Member("LDSCJ")));

        var whole = await RowsAsync(op);
        var own = await RowsAsync(member);

        // The operator's report has other teams in it; the member's has none of them.
        Assert.Contains(whole, r => r["scope"] == "organisation" && r["organisation"] != "LDSCJ");
        Assert.Contains(own, r => r["scope"] == "organisation");
        Assert.All(own.Where(r => r["scope"] is "organisation" or "rule-organisation"), r => Assert.Equal("LDSCJ", r["organisation"]));
        Assert.All(own.Where(r => r["scope"] is "total" or "rule"), r => Assert.Equal("", r["organisation"]));

        // Its total and its per-rule rows count only its team: they equal the team's rows of the whole report.
        Assert.Equal(Figures(whole.Single(r => r["scope"] == "organisation" && r["organisation"] == "LDSCJ")), Figures(own.Single(r => r["scope"] == "total")));
        Assert.Equal(
            whole.Where(r => r["scope"] == "rule-organisation" && r["organisation"] == "LDSCJ").Select(r => r["rule"] + ":" + Figures(r)).Order(),
            own.Where(r => r["scope"] == "rule").Select(r => r["rule"] + ":" + Figures(r)).Order());
    }

    private static async Task<List<Dictionary<string, string>>> RowsAsync(HttpClient client)
    {
        var response = await client.GetAsync(Csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second.Trim('"'), StringComparer.Ordinal))];
    }

    private static string Figures(Dictionary<string, string> row) =>
        string.Join('|', new[] { "opened", "fulfilled_on_time", "fulfilled_late", "overdue_now", "pending", "cancelled", "on_time_percent", "median_lateness_hours" }.Select(c => row[c]));
}
