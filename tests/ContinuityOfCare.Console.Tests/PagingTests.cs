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

        // The last page of 1,000 (page 40) has 25 rows and no next page.
        await page.GotoAsync($"/api/console/obligations?team={Team}&status=active&page=40");
        Assert.True(await page.Locator("tbody tr").CountAsync() == 25, await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).CountAsync());
        Assert.Equal("paging-0975", await FirstIdAsync(page));

        // Every team (the due index, earliest first) still pages by 25.
        await page.GotoAsync("/api/console/obligations?status=active&page=3");
        Assert.True(await page.Locator("tbody tr").CountAsync() == 25, await page.Locator("main").InnerTextAsync());
    }

    private static async Task<string> FirstIdAsync(IPage page)
    {
        var href = await page.Locator("tbody tr").First.Locator("a").GetAttributeAsync("href") ?? string.Empty;
        return href[(href.LastIndexOf('/') + 1)..];
    }
}
