using System.Text;
using Azure.Storage.Blobs;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// docs/formats.md "Bad input", through the running hub: hostile files dropped in the inboxes end either in
/// <c>rejected/</c> with a report giving the one reason, or processed with their bad records listed in the report — the
/// ingest function never fails on them, so nothing reaches a poison queue, and the good record of a mixed file is routed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HostileFilesEndToEndTests
{
    [Fact]
    public async Task Hostile_files_end_rejected_or_processed_with_a_report_and_nothing_poisons()
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0));
        await world.LoadReferenceDataAsync();
        var release = E2eFiles.Release;
        var hostile = new (string Container, string Name, byte[] Bytes, IngestedFileStatus Expected)[]
        {
            (InboxContainers.CourtLists, "B13LS__2026-12-24.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"courtLists\":[]}")], IngestedFileStatus.Rejected),
            (InboxContainers.CourtLists, "B13BR__2026-12-24.json", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)), IngestedFileStatus.Rejected),
            (InboxContainers.CourtLists, "B14SH__2026-12-29.json", "{\"courtLists\":[{\"courtHouse\":{\"courtHouseName\":\"x\",\"courtRoom\":[{"u8.ToArray(), IngestedFileStatus.Rejected),
            (InboxContainers.CourtResults, "court-results_2026-12-24.csv", [0xFF, 0xFE, 0x00, 0x41, 0xC3, 0x28], IngestedFileStatus.Rejected),
            (InboxContainers.Discharges, "WDI_2026-12-24.csv",
                Encoding.UTF8.GetBytes(E2eFiles.DischargeHeader + "\r\nWDI,\0\0\0,x\u0001y,,1990-07-21,,2026-12-23,09:00,REL,CR,OUT,\r\n" +
                    "WDI," + new string('A', 20_000) + ",a,b,1990-07-21,,2026-12-23,09:00,REL,CR,OUT,\r\n" + Encoding.UTF8.GetString(release).Split("\r\n")[1].Replace("LEI,", "WDI,", StringComparison.Ordinal) + "\r\n"),
                IngestedFileStatus.Processed),
        };

        foreach (var (container, name, bytes, expected) in hostile)
        {
            var sha = await world.DropAsync(container, name, bytes);
            var file = await Eventually.GetAsync(async () =>
                (await world.Get<IngestedFileStore>().GetAsync(sha, CancellationToken.None)) is { Status: not IngestedFileStatus.Claimed } row ? row : null,
                $"the ingest of {name}");

            Assert.Equal(expected, file.Status);
            var reports = new BlobContainerClient(world.ConnectionString, InboxContainers.Reports);
            var report = (await reports.GetBlobClient(PipelineBlobs.IngestReport(container, sha)).DownloadContentAsync()).Value.Content.ToString();
            Assert.DoesNotContain("Exception", report, StringComparison.Ordinal);
            var landing = new BlobContainerClient(world.ConnectionString, expected == IngestedFileStatus.Rejected ? InboxContainers.Rejected : InboxContainers.Processed);
            Assert.True(await landing.GetBlobClient(PipelineBlobs.MovedName(container, sha, name)).ExistsAsync(), $"{name} is not in {landing.Name}/");
            if (expected == IngestedFileStatus.Processed)
            {
                // Two damaged rows rejected with their lines; the good release is kept and routed.
                Assert.Equal(2, file.RecordsRejected);
                Assert.Matches("\"line\":\\s*2\\b", report);
                Assert.Matches("\"line\":\\s*3\\b", report);
                using var route = await world.WaitForRouteReportAsync(sha);
                Assert.Equal(1, route.RootElement.GetProperty("counts").GetProperty("events").GetInt32());
            }
        }

        foreach (var queue in PipelineQueues.All)
        {
            var poison = HubStorage.ForConnectionString(world.ConnectionString).Queue(PipelineQueues.PoisonOf(queue));
            await poison.CreateIfNotExistsAsync();
            Assert.Empty((await poison.PeekMessagesAsync(1)).Value);
        }
    }
}
