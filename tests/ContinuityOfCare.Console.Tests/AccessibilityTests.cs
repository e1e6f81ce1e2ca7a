using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// Every page of the console, opened by the hub operator in Chromium: axe-core finds no violation of WCAG 2.2 A/AA
/// (the GOV.UK Service Standard), and a viewport-sized JPEG screenshot of each is saved (into
/// <c>COC_CONSOLE_SCREENSHOTS</c> when set — docs/console/ — else beside the test assembly).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleWorld world)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>JPEG quality of the screenshots: text stays legible, a page is well under <see cref="MaxScreenshotBytes"/>.</summary>
    private const int ScreenshotQuality = 70;

    /// <summary>The most one screenshot may weigh (docs/console/ holds one per page).</summary>
    private const int MaxScreenshotBytes = 150 * 1024;

    [Fact]
    public async Task Every_page_has_no_axe_violations_at_WCAG_2_2_AA()
    {
        var page = await world.SignedInPageAsync();
        var anonymous = await (await world.NewContextAsync()).NewPageAsync();
        await anonymous.GotoAsync("/api/console/login");
        var failures = new List<string>();
        await CheckAsync(anonymous, "sign-in", failures);

        var match = (await world.Get<Hub.State.PossibleMatchStore>().ListHeldAsync(CancellationToken.None)).First();
        var obligation = (await world.Get<Hub.State.ObligationStore>().QueryAsync(new Hub.State.ObligationQuery(Owner: "LDSCJ"), CancellationToken.None)).First();
        string[][] pages =
        [
            ["today", "/api/console/today"],
            ["obligations", "/api/console/obligations"],
            ["obligation", "/api/console/obligations/" + obligation.Id],
            ["possible-matches", "/api/console/possible-matches"],
            ["possible-match", "/api/console/possible-matches/" + match.Id],
            ["tasks", "/api/console/tasks"],
            ["client-timeline", "/api/console/clients/" + obligation.ClientId],
            ["directory", "/api/console/directory"],
            ["compliance", "/api/console/compliance?month=2026-12"],
            ["operations", "/api/console/operations"],
        ];
        foreach (var entry in pages)
        {
            var response = await page.GotoAsync(entry[1]);
            Assert.True(response!.Status == 200, $"{entry[1]} answered {response.Status}");
            await CheckAsync(page, entry[0], failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> failures)
    {
        // The module script has run (GOV.UK Frontend initialised from the external file, not an inline snippet).
        await page.WaitForFunctionAsync("document.body.classList.contains('govuk-frontend-supported')");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        failures.AddRange(result.Violations.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        var folder = Environment.GetEnvironmentVariable("COC_CONSOLE_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        // What a person sees on opening the page (the 1100×900 viewport, not the whole scrolled page), as a JPEG: the
        // pictures live in the repository (docs/console/), so each is kept to a few tens of kilobytes.
        var path = Path.Combine(folder, name + ".jpg");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false, Type = ScreenshotType.Jpeg, Quality = ScreenshotQuality });
        Assert.True(new FileInfo(path).Length <= MaxScreenshotBytes, $"{name}'s screenshot is {new FileInfo(path).Length:N0} bytes (at most {MaxScreenshotBytes:N0})");
    }
}
