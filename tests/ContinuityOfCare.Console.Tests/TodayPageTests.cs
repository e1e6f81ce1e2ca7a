using Azure.Data.Tables;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The Today page in Chromium: the feeds expected today against those that arrived (a sample court list and a sample
/// prison's export arrived; the prison the second directory version added sent nothing, so it is missing), and
/// today's Alert Forms by outcome, checked against the outbox itself; the obligation and task figures say when they
/// were counted (their correctness is tested against Azurite in the function app's TodayCounterTests).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TodayPageTests(ConsoleWorld world)
{
    [Fact]
    public async Task Today_shows_an_arrived_court_list_and_export_a_missing_export_and_todays_Alert_Forms_by_outcome()
    {
        var page = await world.SignedInPageAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Feeds expected today" }).WaitForAsync();

        var courts = Table(page, "Court lists received today, by court");
        Assert.Contains("Arrived", await Row(courts, "B13LS").InnerTextAsync(), StringComparison.Ordinal);
        var exports = Table(page, "Discharge exports covering");
        Assert.Contains("Arrived", await Row(exports, "LEI").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Missing", await Row(exports, ConsoleWorld.AddedPrison).InnerTextAsync(), StringComparison.Ordinal);
        await ConsoleWorld.ExpectTextAsync(page, "1 expected feed missing");

        // The obligation and task figures are the stored Today counts, and the page says when they were counted.
        var countedAt = LondonTime.ToLocal(world.Clock.GetCurrentInstant()).TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await ConsoleWorld.ExpectTextAsync(page, $"figures counted at {countedAt}; recounted every 5 minutes");

        // The page counts from indexes; the test counts the outbox itself (a scan is fine here).
        var today = LondonTime.ToLocal(world.Clock.GetCurrentInstant()).Date;
        var outbox = world.Get<TableServiceClient>().GetTableClient(world.Get<IOptions<OutboxOptions>>().Value.AlertsTable);
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in outbox.QueryAsync<TableEntity>(r => r.RowKey == OutboxKeys.RowKey))
        {
            if (row.GetString("Kind") == OutboxKeys.NoticeKind)
            {
                continue;
            }

            var status = row.GetString("Status") ?? "";
            if (status == nameof(AlertStatus.Sent) && row.GetDateTimeOffset("SentAt") is { } sentAt
                && LondonTime.ToLocal(NodaTime.Instant.FromDateTimeOffset(sentAt)).Date != today)
            {
                continue;
            }

            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (row.GetString("Delivery") == nameof(DeliveryState.Bounced))
            {
                byStatus["Bounced"] = byStatus.GetValueOrDefault("Bounced") + 1;
            }
        }

        Assert.True(byStatus.GetValueOrDefault(nameof(AlertStatus.Sent)) > 0, "the sample world sends Alert Forms today");
        var alerts = Table(page, "Alert Forms today");
        foreach (var status in new[] { nameof(AlertStatus.Sent), nameof(AlertStatus.Held), nameof(AlertStatus.Failed), "Bounced", nameof(AlertStatus.Unconfirmed) })
        {
            var cells = await Row(alerts, status).Locator("td").AllInnerTextsAsync();
            Assert.Equal(byStatus.GetValueOrDefault(status).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[1]);
        }
    }

    [Fact]
    public async Task Today_reads_arrived_exports_from_the_feed_arrival_index_not_from_the_export_files()
    {
        // The processed discharge exports are set aside: the page must still know they arrived (the index written at
        // ingest says so) and must not read the files again.
        var processed = world.Get<Azure.Storage.Blobs.BlobServiceClient>().GetBlobContainerClient(ContinuityOfCare.Core.Feeds.InboxContainers.Processed);
        var setAside = new Dictionary<string, BinaryData>(StringComparer.Ordinal);
        await foreach (var blob in processed.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, ContinuityOfCare.Core.Feeds.InboxContainers.Discharges + "/", CancellationToken.None))
        {
            setAside[blob.Name] = (await processed.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
            await processed.DeleteBlobAsync(blob.Name);
        }

        try
        {
            Assert.NotEmpty(setAside);
            var page = await world.SignedInPageAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Feeds expected today" }).WaitForAsync();

            var exports = Table(page, "Discharge exports covering");
            foreach (var prison in new[] { "DNI", "LEI", "MRI", "WDI" })
            {
                Assert.Contains("Arrived", await Row(exports, prison).InnerTextAsync(), StringComparison.Ordinal);
            }

            Assert.Contains("Missing", await Row(exports, ConsoleWorld.AddedPrison).InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (name, content) in setAside)
            {
                await processed.GetBlobClient(name).UploadAsync(content, overwrite: true);
            }
        }
    }

    private static ILocator Table(IPage page, string caption) =>
        page.Locator("table").Filter(new() { Has = page.Locator("caption", new() { HasTextString = caption }) });

    private static ILocator Row(ILocator table, string firstCell) =>
        table.Locator("tbody tr").Filter(new() { Has = table.Page.Locator("td:first-child", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(firstCell) + "$") }) });
}
