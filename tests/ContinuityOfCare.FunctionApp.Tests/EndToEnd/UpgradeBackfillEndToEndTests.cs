using System.Text;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Upgrade;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// docs/state.md "Backfills at start-up": storage written by a version without the feed-arrival index and without
/// possible matches' owning team is brought up to date when the new version starts, once; rows it cannot use are
/// counted and skipped without stopping the host.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class UpgradeBackfillEndToEndTests
{
    private const string SkippedFiles = "Feed-arrival backfill: 1 processed files";
    private const string SkippedMatches = "Owning-team backfill: 1 held possible matches";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task After_an_upgrade_feeds_that_arrived_earlier_today_and_matches_held_before_are_seen_and_a_second_start_changes_nothing()
    {
        // Tue 29 Dec 2026 11:00 Europe/London: a working day, past the 10:00 cut-offs.
        var now = Instant.FromUtc(2026, 12, 29, 11, 0);
        await using var world = await HubWorld.StartAsync(now);
        await world.LoadReferenceDataAsync();
        var export = Encoding.UTF8.GetBytes(E2eFiles.DischargeHeader + "\r\nLEI,C3456DE,Carrow,Dean,1990-07-21,,2026-12-28,09:00,REL,CR,OUT,2026-12-28\r\n");
        var exportSha = await world.DropAsync(InboxContainers.Discharges, "LEI_2026-12-28.csv", export);
        var listSha = await world.DropAsync(InboxContainers.CourtLists, "B13LS__2026-12-29.json", SampleCourtList());
        // Peter Ashdown's name with a date of birth one day out: held as a possible match for Leeds CJIT's client.
        var resultsSha = await world.DropAsync(InboxContainers.CourtResults, "results-near-miss.csv",
            E2eFiles.Remand("Ashdown", "Peter James", "1984-03-16", "", "LEI", "2026-12-29T09:00"));
        foreach (var sha in new[] { exportSha, listSha, resultsSha })
        {
            (await world.WaitForRouteReportAsync(sha)).Dispose();
        }

        var tables = world.Get<StateTables>();
        var teams = new HashSet<string>(["LDSCJ"], StringComparer.Ordinal);
        var heldForLeeds = Assert.Single(await world.Get<PossibleMatchStore>().ListHeldAsync(teams, None));

        // As the earlier version left storage: no feed-arrival rows (nor the marker), a held match without an owning
        // team (nor the marker) — plus a processed file whose copy is gone and a match whose client left the register.
        await ClearAsync(tables.Get(TableNames.FeedArrivals));
        var matches = tables.Get(TableNames.PossibleMatches);
        foreach (var row in await RowsAsync(matches))
        {
            if (row.PartitionKey == "_meta")
            {
                await matches.DeleteEntityAsync(row.PartitionKey, row.RowKey);
                continue;
            }

            row.Remove("OwningTeam");
            await matches.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        await tables.Get(TableNames.IngestedFiles).AddEntityAsync(new TableEntity(new string('a', 64), "file")
        {
            ["FileName"] = "WDI_2026-12-28.csv", ["Kind"] = InboxContainers.Discharges, ["Status"] = nameof(IngestedFileStatus.Processed),
            ["ClaimedAt"] = now.ToDateTimeOffset(), ["RecordsAccepted"] = 0, ["RecordsRejected"] = 0,
        });
        await matches.AddEntityAsync(new TableEntity(new string('b', 32), "match")
        {
            ["MatchId"] = new string('b', 32), ["ClientId"] = "E2E9999", ["SourceFile"] = "results.csv", ["Reason"] = "near miss",
            ["Payload"] = "{}", ["Status"] = nameof(PossibleMatchStatus.Held), ["HeldAt"] = now.ToDateTimeOffset(),
        });

        // The gaps: both feeds show missing, and the team does not see its match.
        var before = await world.Get<FeedWatch>().TodayAsync(None);
        Assert.DoesNotContain(before.Expected, f => f.Arrived);
        Assert.Empty(await world.Get<PossibleMatchStore>().ListHeldAsync(teams, None));

        await world.RestartAsync();

        var after = await world.Get<FeedWatch>().TodayAsync(None);
        Assert.True(Assert.Single(after.Expected, f => f.Kind == FeedKind.CourtList).Arrived);
        Assert.True(Assert.Single(after.Expected, f => f.PrisonCode == "LEI").Arrived);
        Assert.False(Assert.Single(after.Expected, f => f.PrisonCode == "WDI").Arrived);
        Assert.Contains(after.Received, r => r.Kind == FeedKind.CourtList && r.CourtCode == "B13LS");
        // The alarm raises only the feed that really is missing.
        var raised = await world.Get<FeedWatch>().CheckAsync(None);
        Assert.Equal([(FeedNoticeKind.MissingDischargeExport, "WDI")], raised.Select(n => (n.Kind, n.PrisonCode)));
        var seen = Assert.Single(await world.Get<PossibleMatchStore>().ListHeldAsync(teams, None));
        Assert.Equal((heldForLeeds.Id, "LDSCJ"), (seen.Id, seen.OwningTeam));
        Assert.Equal(2, (await world.Get<PossibleMatchStore>().ListHeldAsync(None)).Count);
        Assert.Single(world.Log.Entries, e => e.Contains(SkippedFiles, StringComparison.Ordinal));
        Assert.Single(world.Log.Entries, e => e.Contains(SkippedMatches, StringComparison.Ordinal));

        // A second start: the markers are there, so neither backfill reads or writes anything.
        await ClearAsync(tables.Get(TableNames.FeedArrivals), keepMarker: true);
        await world.RestartAsync();
        Assert.Null(await world.Get<FeedArrivalBackfill>().RunAsync(None));
        Assert.Null(await world.Get<PossibleMatchOwnerBackfill>().RunAsync(None));
        Assert.Empty(await world.Get<FeedArrivalStore>().ListAsync(new LocalDate(2026, 12, 29), None));
        Assert.Single(world.Log.Entries, e => e.Contains(SkippedFiles, StringComparison.Ordinal));
        Assert.Single(world.Log.Entries, e => e.Contains(SkippedMatches, StringComparison.Ordinal));
    }

    private static async Task ClearAsync(TableClient table, bool keepMarker = false)
    {
        foreach (var row in await RowsAsync(table))
        {
            if (!keepMarker || row.PartitionKey != "_meta")
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The committed sample world's Leeds list (fictional people).</summary>
    private static byte[] SampleCourtList()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return File.ReadAllBytes(Path.Combine(directory.FullName, "samples", "court-lists", "B13LS__2026-12-24.json"));
    }
}
