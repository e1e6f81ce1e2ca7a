using ContinuityOfCare.FunctionApp.Functions;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using NodaTime.Testing;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Metadata;

/// <summary>
/// Flex Consumption runs timers in UTC, so <c>ScheduledIngestion</c> fires at 06:00 and 07:00 and acts only when it is
/// 07:00 in London: the other firing queues nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduledIngestionTimeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(2026, 1, 15, 6)] // winter: 06:00 UTC is 06:00 London
    [InlineData(2026, 7, 15, 7)] // summer: 07:00 UTC is 08:00 London
    public async Task ScheduledIngestion_NotSevenInLondon_DoesNothing(int year, int month, int day, int utcHour)
    {
        var name = await DropAsync();

        var queued = await Functions(Instant.FromUtc(year, month, day, utcHour, 0)).ScheduledIngestionAsync(new TimerInfo(), CancellationToken.None);

        Assert.DoesNotContain(queued, message => message.Contains(name, StringComparison.Ordinal));
        Assert.Empty(queued);
    }

    [Theory]
    [InlineData(2026, 1, 15, 7)] // winter: 07:00 UTC is 07:00 London
    [InlineData(2026, 7, 15, 6)] // summer: 06:00 UTC is 07:00 London
    public async Task ScheduledIngestion_SevenInLondon_ListsTheInboxes(int year, int month, int day, int utcHour)
    {
        var name = await DropAsync();

        var queued = await Functions(Instant.FromUtc(year, month, day, utcHour, 0)).ScheduledIngestionAsync(new TimerInfo(), CancellationToken.None);

        Assert.Contains(queued, message => message.Contains(name, StringComparison.Ordinal));
    }

    private HubStorage Storage => HubStorage.ForConnectionString(azurite.ConnectionString);

    private ScheduledIngestionFunction Functions(Instant now) => new(new FakeClock(now), new InboxSweep(Storage));

    private async Task<string> DropAsync()
    {
        var name = azurite.UniqueName("list") + ".json";
        var inbox = Storage.Container(Core.Feeds.InboxContainers.CourtLists);
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient(name).UploadAsync(BinaryData.FromString("{}"));
        return name;
    }
}
