using System.Net;
using ContinuityOfCare.Hub.State;
using Microsoft.Playwright;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The possible-match review in Chromium: the held record's own values (as its source file has them) beside the
/// register client's, every differing row highlighted and tagged; seen by the operator and the client's owning team
/// only (another team gets 404), decided by the operator only.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PossibleMatchReviewTests(ConsoleWorld world)
{
    private static readonly string ResultsFile = Path.Combine(ConsoleWorld.RepositoryRoot, "samples", "court-results", "court-results_2026-12-24.csv");

    [Fact]
    public async Task The_review_shows_the_held_records_values_beside_the_clients_with_differences_highlighted()
    {
        var (match, fields) = await HeldCourtResultAsync();
        var client = (await world.Get<ClientRegisterStore>().GetAsync(match.ClientId, CancellationToken.None))!;
        var page = await world.SignedInPageAsync();
        await page.GotoAsync("/api/console/possible-matches/" + match.Id);
        var table = page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasTextString = "field by field" }) }).First;
        await table.WaitForAsync();

        // The held record's values are the file's own, not the client's.
        var surname = await table.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "Surname" }) }).Locator("td").AllInnerTextsAsync();
        Assert.Equal(fields["surname"], surname[0]);
        Assert.Equal(client.Surname, surname[1]);
        var forenames = await table.Locator("tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = "Forenames" }) }).Locator("td").AllInnerTextsAsync();
        Assert.Equal(fields["forenames"], forenames[0]);
        Assert.Equal(client.Forenames, forenames[1]);

        // Highlighted exactly where the tag says the values differ; a near miss differs somewhere.
        var rows = table.Locator("tbody tr");
        var differing = 0;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var highlighted = (await row.GetAttributeAsync("class"))!.Contains("app-compare__row--differs", StringComparison.Ordinal);
            var tag = await row.Locator(".govuk-tag").InnerTextAsync();
            Assert.Equal(tag.StartsWith("Differs", StringComparison.Ordinal), highlighted);
            differing += highlighted ? 1 : 0;
        }

        Assert.True(differing > 0, "a held near miss differs in at least one field");
    }

    [Fact]
    public async Task Only_the_operator_and_the_clients_owning_team_see_a_match_and_only_the_operator_decides()
    {
        var (match, _) = await HeldCourtResultAsync();
        var owner = (await world.Get<TaskStore>().ListByClientAsync(match.ClientId, CancellationToken.None))
            .First(t => t.Kind == HubTaskKinds.PossibleMatch).Owner;
        var stranger = new[] { "LDSCJ", "BRDCJ", "SHFCJ", "WKFCJ" }.First(code => code != owner);
        using var own = world.Client(world.SessionCookie(ConsoleWorld.Member(owner)));
        using var other = world.Client(world.SessionCookie(ConsoleWorld.Member(stranger)));

        var seen = await own.GetAsync("/api/console/possible-matches/" + match.Id);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var body = await seen.Content.ReadAsStringAsync();
        Assert.Contains("field by field", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Save decision", body, StringComparison.Ordinal);
        Assert.Contains(match.Id, await (await own.GetAsync("/api/console/possible-matches")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/console/possible-matches/" + match.Id)).StatusCode);
        Assert.DoesNotContain(match.Id, await (await other.GetAsync("/api/console/possible-matches")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A team's decision is refused as if the page did not exist, and nothing changes.
        var token = world.Get<Hub.Console.AntiForgery>().TokenFor(ConsoleWorld.Member(owner));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token, ["decision"] = "reject", ["reason"] = "not ours" });
        Assert.Equal(HttpStatusCode.NotFound, (await own.PostAsync($"/api/console/possible-matches/{match.Id}/decide", form)).StatusCode);
        Assert.Equal(PossibleMatchStatus.Held, (await world.Get<PossibleMatchStore>().GetAsync(match.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_teams_list_of_held_matches_is_one_storage_query_and_holds_only_its_own()
    {
        var held = await world.Get<PossibleMatchStore>().ListHeldAsync(CancellationToken.None);
        var owner = held.Select(m => m.OwningTeam).First(team => team is not null)!;
        Assert.Contains(held, m => m.OwningTeam != owner);
        using var own = world.Client(world.SessionCookie(ConsoleWorld.Member(owner)));
        var tables = world.Get<Microsoft.Extensions.Options.IOptions<StateOptions>>().Value.TablePrefix;

        world.StorageRequests.Clear();
        var body = await (await own.GetAsync("/api/console/possible-matches")).Content.ReadAsStringAsync();
        var requests = world.StorageRequests.Requests;

        Assert.Equal(1, requests.Count(r => Testing.StorageRequestLog.IsToTable(r, tables + TableNames.PossibleMatches)));
        Assert.Equal(0, requests.Count(r => Testing.StorageRequestLog.IsToTable(r, tables + TableNames.Tasks)));
        foreach (var match in held)
        {
            Assert.Equal(match.OwningTeam == owner, body.Contains("possible-matches/" + match.Id, StringComparison.Ordinal));
        }
    }

    /// <summary>A match still held for a court-results line, and that line's fields by column name.</summary>
    private async Task<(HeldPossibleMatch Match, Dictionary<string, string> Fields)> HeldCourtResultAsync()
    {
        var lines = await File.ReadAllLinesAsync(ResultsFile);
        var header = lines[0].Split(',');
        var match = (await world.Get<PossibleMatchStore>().ListHeldAsync(CancellationToken.None))
            .Where(m => m.Source.SourceFile.StartsWith("court-results", StringComparison.Ordinal) && m.Source.Line is not null)
            .OrderByDescending(m => m.Source.Line)
            .First();
        var values = lines[match.Source.Line!.Value - 1].Split(',');
        return (match, header.Select((name, i) => (name, value: values[i])).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
    }
}
