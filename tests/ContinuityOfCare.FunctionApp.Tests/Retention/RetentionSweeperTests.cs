using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Retention;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.FunctionApp.Tests.EndToEnd;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Retention;

/// <summary>
/// docs/domain.md "Consent and data minimisation": raw input files are kept for the retention period (default 30 days) and
/// then deleted; the bank-holiday file in force is kept. Against a real Azurite; each test uses its own containers.
/// </summary>
[Collection(RetentionAzuriteCollection.Name)]
public sealed class RetentionSweeperTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(29, 0)]
    [InlineData(31, 3)]
    public async Task Sweep_DomainConsentAndMinimisation_DeletesRawFilesOnlyAfterTheRetentionPeriod(int daysLater, int expectedDeleted)
    {
        var processed = azurite.UniqueName("processed");
        var rejected = azurite.UniqueName("rejected");
        var storage = HubStorage.ForConnectionString(azurite.ConnectionString);
        await UploadAsync(storage.Container(processed), "court-lists/abc/B13LS__2026-12-24.json");
        await UploadAsync(storage.Container(processed), "clients/def/clients.csv");
        await UploadAsync(storage.Container(rejected), "discharges/123/LEI_2026-12-24.csv");

        var options = new RetentionOptions();
        options.Containers.Clear();
        options.Containers.Add(processed);
        options.Containers.Add(rejected);
        var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(daysLater));
        var sweeper = new RetentionSweeper(storage, clock, Options.Create(options), NullLogger<RetentionSweeper>.Instance);

        var result = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal(new RetentionResult(3, expectedDeleted, 3 - expectedDeleted), result);
        Assert.Equal(3 - expectedDeleted, await CountAsync(storage.Container(processed)) + await CountAsync(storage.Container(rejected)));
    }

    [Fact]
    public async Task Sweep_DomainConsentAndMinimisation_KeepsTheBankHolidayFileInForce()
    {
        // The current calendar lives at processed/calendar/current.json: only in the real "processed" container.
        var storage = HubStorage.ForConnectionString(azurite.ConnectionString);
        var processedContainer = storage.Container(Core.Feeds.InboxContainers.Processed);
        await UploadAsync(processedContainer, PipelineBlobs.CurrentCalendar);
        await UploadAsync(processedContainer, "calendar/old/bank-holidays.json");
        var options = new RetentionOptions();
        options.Containers.Clear();
        options.Containers.Add(Core.Feeds.InboxContainers.Processed);
        var clock = new FakeClock(SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(365));
        var sweeper = new RetentionSweeper(storage, clock, Options.Create(options), NullLogger<RetentionSweeper>.Instance);

        await sweeper.SweepAsync(CancellationToken.None);

        Assert.True((await processedContainer.GetBlobClient(PipelineBlobs.CurrentCalendar).ExistsAsync()).Value);
        Assert.False((await processedContainer.GetBlobClient("calendar/old/bank-holidays.json").ExistsAsync()).Value);
    }

    [Theory]
    [InlineData(0.5, 1, false)]
    [InlineData(30, 1, true)]
    [InlineData(30, 0, false)]
    public void Options_Validate_RefusesNonsense(double days, int containers, bool valid)
    {
        var options = new RetentionOptions { RawFiles = TimeSpan.FromDays(days) };
        options.Containers.Clear();
        for (var i = 0; i < containers; i++)
        {
            options.Containers.Add("processed");
        }

        Assert.Equal(valid, options.Validate().Count == 0);
    }

    private static async Task UploadAsync(BlobContainerClient container, string name)
    {
        await container.CreateIfNotExistsAsync();
        using var content = new MemoryStream("x"u8.ToArray());
        await container.GetBlobClient(name).UploadAsync(content, overwrite: true);
    }

    private static async Task<int> CountAsync(BlobContainerClient container)
    {
        var count = 0;
        await foreach (var blob in container.GetBlobsAsync())
        {
            count++;
        }

        return count;
    }
}
