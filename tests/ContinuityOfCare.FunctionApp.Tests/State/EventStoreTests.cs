using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

[Collection(StateAzuriteCollection.Name)]
public sealed class EventStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant At = Instant.FromUtc(2026, 12, 24, 16, 0);

    /// <summary>architecture.md "Reliability rules": event id = hash of source file + record; duplicates are no-ops.</summary>
    [Fact]
    public async Task ReliabilityRules_SameEventTwice_StoresOneRow()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var e = Event("file-sha", 7, "client-1");

        Assert.True(await context.State.Events.TryAddAsync(e, None));
        Assert.False(await context.State.Events.TryAddAsync(e, None));
        Assert.Equal(0, await context.State.Events.AddAllAsync([e, e], None));

        Assert.Single(await context.RowsAsync(TableNames.Events));
        Assert.Equal(e, await context.State.Events.GetAsync("client-1", e.Id, None));
    }

    [Fact]
    public async Task AddAll_MixOfNewAndStored_StoresOnlyTheNewOnes()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var events = Enumerable.Range(1, 230).Select(i => Event("file-sha", i, "client-" + (i % 3))).ToList();
        await context.State.Events.AddAllAsync(events.Take(50), None);

        Assert.Equal(180, await context.State.Events.AddAllAsync(events, None));

        Assert.Equal(230, (await context.RowsAsync(TableNames.Events)).Count);
    }

    [Fact]
    public async Task ListByClient_ReturnsThatClientsEventsOldestFirst_WithEveryField()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var later = Event("f", 1, "client-1") with { OccurredAt = At + Duration.FromDays(1) };
        var full = new CareEvent(
            DeterministicIds.Event("f", new SourceRef("court-results.json", JsonPath: "$.results[2]"), EventKind.ListedForHearing),
            EventKind.ListedForHearing, "client-1", new SourceRef("court-results.json", JsonPath: "$.results[2]"), At, "000 §PP10",
            PrisonCode: "LEI", ToPrisonCode: "MDI", CourtCode: "B01LY", Detail: "REMANDED_IN_CUSTODY",
            HearingStart: At + Duration.FromHours(1), ReleaseDate: new LocalDate(2027, 1, 4), CourtTripId: "trip-1");
        await context.State.Events.AddAllAsync([later, full, Event("f", 2, "client-2")], None);

        var timeline = await context.State.Events.ListByClientAsync("client-1", None);

        Assert.Equal(new[] { full, later }, timeline);
    }

    internal static CareEvent Event(string fileSha, int line, string clientId)
    {
        var source = new SourceRef("discharges-2026-12-24.csv", line);
        return new CareEvent(
            DeterministicIds.Event(fileSha, source, EventKind.TransferredBetweenPrisons),
            EventKind.TransferredBetweenPrisons, clientId, source, At, "000 §PP8", PrisonCode: "LEI", ToPrisonCode: "MDI", Detail: "TRN");
    }
}
