using ContinuityOfCare.Hub.Directory;
using Microsoft.Playwright;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The Directory page in Chromium: the last import's diff (the world's second version added HMP Hull and changed
/// HMP Leeds), then, after a file that is rejected, that import's problems by line number while the live version stays.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class DirectoryPageTests(ConsoleWorld world)
{
    [Fact]
    public async Task The_last_imports_diff_and_then_a_rejected_imports_problems_by_line_are_shown()
    {
        var page = await world.SignedInPageAsync();
        await page.GotoAsync("/api/console/directory");
        var changes = Table(page, "Changes from the previous version");
        Assert.Contains("Added", await Row(changes, ConsoleWorld.AddedPrison).InnerTextAsync(), StringComparison.Ordinal);
        var leeds = await Row(changes, "LEI").Locator("td").AllInnerTextsAsync();
        Assert.Equal("Changed", leeds[0]);
        Assert.Contains("phone", leeds[2], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await Row(changes, "WDI").CountAsync());

        // A file whose HMP Wakefield mailbox is outside the secure-mail allow-list is rejected as a whole.
        var lines = world.SecondDirectory.Split('\n');
        var wakefield = Array.FindIndex(lines, l => l.StartsWith("WDI,", StringComparison.Ordinal));
        lines[wakefield] = lines[wakefield].Replace("smt.wakefield@justice.gov.uk", "smt.wakefield@example.com", StringComparison.Ordinal);
        var before = await world.Get<DirectoryStore>().LastImportReportAsync(CancellationToken.None);
        await world.DropDirectoryAsync("directory-rejected.csv", string.Join('\n', lines));
        await ConsoleWorld.WaitAsync(async () => await world.Get<DirectoryStore>().LastImportReportAsync(CancellationToken.None) != before, "the rejected import's report");

        await page.GotoAsync("/api/console/directory");
        await ConsoleWorld.ExpectTextAsync(page, "Rejected");
        var problems = Table(page, "Problems");
        var line = (wakefield + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await Row(problems, line).CountAsync() >= 1, $"a problem on line {line}");
        Assert.Contains("Changed", await Row(Table(page, "Changes the rejected file would have made"), "WDI").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await world.Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live!.Version);
    }

    private static ILocator Table(IPage page, string caption) =>
        page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasTextString = caption }) });

    private static ILocator Row(ILocator table, string cell) =>
        table.Locator("tbody tr").Filter(new() { Has = table.Page.Locator("td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(cell) + "$") }) });
}
