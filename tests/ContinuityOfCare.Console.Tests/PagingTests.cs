using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using Microsoft.Playwright;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>The Obligations list with 1,000 obligations of one team: filters, sort and pages in Chromium.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PagingTests(ConsoleWorld world)
{
    private const string Team = "PAGETEAM";

    [Fact]
    public async Task A_thousand_obligations_filter_and_page_25_at_a_time()
    {
        var start = ConsoleWorld.SamplesNow - Duration.FromDays(3);
        var openings = Enumerable.Range(0, 1000).Select(i =>
        {
            // Half of them due before "now", half after; rules alternate.
            var rule = i % 2 == 0 ? RuleIds.All[0] : RuleIds.All[1];
            var due = start + Duration.FromHours(i * 0.15);
            var obligation = new Obligation($"paging-{i:D4}", rule, Team, start, due, false, ObligationPriority.Standard);
            return new NewObligation(obligation, $"C-PAGE-{i:D4}", $"event-{i:D4}", "a test obligation");
        }).ToList();
        await world.Get<ObligationStore>().OpenManyAsync(openings, CancellationToken.None);

        var page = await world.SignedInPageAsync();
        await page.GotoAsync("/api/console/obligations");
        await page.GetByLabel("Team (org code)").FillAsync(Team);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.Locator("a[href$='/obligations/paging-0000']").WaitForAsync();
        Assert.True(await page.Locator("tbody tr").CountAsync() == 25, await page.Locator("main").InnerTextAsync());
        Assert.Equal("paging-0000", await FirstIdAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.Locator("a[href$='/obligations/paging-0025']").WaitForAsync();
        Assert.Equal("paging-0025", await FirstIdAsync(page));

        // Latest due first, rule filter: only the odd ones, from the end.
        await page.GotoAsync($"/api/console/obligations?team={Team}&rule={RuleIds.All[1]}&status=active&sort=due-desc");
        Assert.Equal("paging-0999", await FirstIdAsync(page));

        // Following "Next" (each a continuation token) reaches the last page of 1,000, page 40: 25 rows, no next page,
        // and every obligation was listed exactly once on the way.
        await page.GotoAsync($"/api/console/obligations?team={Team}&status=active");
        var seen = new List<string>();
        for (var number = 1; ; number++)
        {
            var ids = await page.Locator("tbody tr a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            seen.AddRange(ids.Select(href => href[(href.LastIndexOf('/') + 1)..]));
            var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
            if (await next.CountAsync() == 0)
            {
                Assert.Equal(40, number);
                Assert.Equal(25, ids.Length);
                break;
            }

            await page.GotoAsync(await next.GetAttributeAsync("href") ?? throw new InvalidOperationException("a link without href"));
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"paging-{i:D4}"), seen);

        // Every team (the open index, earliest first) pages by 25 too.
        await page.GotoAsync("/api/console/obligations?status=active");
        for (var i = 0; i < 2; i++)
        {
            await page.GotoAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).GetAttributeAsync("href") ?? string.Empty);
        }

        Assert.Contains("Page 3", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("tbody tr").CountAsync() == 25, await page.Locator("main").InnerTextAsync());

        // Every team, past due, latest due first (the open index read backwards from now), by token too: this team's
        // obligations come latest first across three pages, and page 3 links back to the first.
        await page.GotoAsync("/api/console/obligations?status=overdue&sort=due-desc");
        var latestFirst = new List<string>();
        for (var number = 1; number <= 3; number++)
        {
            var ids = await page.Locator("tbody tr a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(25, ids.Length);
            latestFirst.AddRange(ids.Select(href => href[(href.LastIndexOf('/') + 1)..]).Where(id => id.StartsWith("paging-", StringComparison.Ordinal)));
            if (number < 3)
            {
                await page.GotoAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).GetAttributeAsync("href") ?? string.Empty);
            }
        }

        Assert.Contains("Page 3", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "Back to the first page" }).CountAsync());
        Assert.NotEmpty(latestFirst);
        Assert.Equal(latestFirst.OrderDescending(StringComparer.Ordinal), latestFirst);

        // A token from nowhere (past the calendar, or not a key) is a page like any other, never an error.
        foreach (var token in new[] { "9999999999999999999_zz", "not-a-key", "0" })
        {
            var answer = await page.GotoAsync("/api/console/obligations?status=overdue&page=2&after=" + token);
            Assert.Equal(200, answer?.Status);
            answer = await page.GotoAsync("/api/console/obligations?status=active&sort=due-desc&page=2&after=" + token);
            Assert.Equal(200, answer?.Status);
        }
    }

    private static async Task<string> FirstIdAsync(IPage page)
    {
        var href = await page.Locator("tbody tr").First.Locator("a").GetAttributeAsync("href") ?? string.Empty;
        return href[(href.LastIndexOf('/') + 1)..];
    }
}
