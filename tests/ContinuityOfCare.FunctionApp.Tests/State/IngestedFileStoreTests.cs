using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

[Collection(StateAzuriteCollection.Name)]
public sealed class IngestedFileStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 24, 7, 0);

    /// <summary>docs/pipeline.md "Ingest" step 2: the same bytes are ingested once (SHA-256 idempotency).</summary>
    [Fact]
    public async Task Sha256Idempotency_ClaimTwice_OnlyTheFirstClaims_AndAfterTheOutcomeItIsIngested()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var files = context.State.IngestedFiles;
        var sha = Sha("court list bytes");

        var first = await files.TryClaimAsync(sha, "court-list-2026-12-24.json", "court-lists", Now, None);
        var second = await files.TryClaimAsync(sha.ToUpperInvariant(), "renamed.json", "court-lists", Now + Duration.FromMinutes(15), None);

        Assert.True(first.Claimed);
        Assert.False(second.Claimed);
        Assert.False(second.AlreadyIngested); // claimed but unfinished: a redelivery carries on
        Assert.Equal("court-list-2026-12-24.json", second.File.FileName);
        Assert.Equal(Now, second.File.ClaimedAt);

        var done = await files.RecordOutcomeAsync(sha, IngestedFileStatus.Processed, 120, 3, "reports/court-lists/x.json", Now + Duration.FromMinutes(1), None);
        Assert.Equal(IngestedFileStatus.Processed, done.Status);

        var third = await files.TryClaimAsync(sha, "again.json", "court-lists", Now + Duration.FromDays(1), None);
        Assert.False(third.Claimed);
        Assert.True(third.AlreadyIngested);
        Assert.Equal(120, third.File.RecordsAccepted);
        Assert.Equal(3, third.File.RecordsRejected);
        Assert.Equal("reports/court-lists/x.json", third.File.ReportBlobName);
        Assert.Equal(Now + Duration.FromMinutes(1), third.File.CompletedAt);
        Assert.Single(await context.RowsAsync(TableNames.IngestedFiles));
    }

    [Fact]
    public async Task RecordOutcome_Twice_KeepsTheFirstOutcome()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var sha = Sha("discharges");
        await context.State.IngestedFiles.TryClaimAsync(sha, "d.csv", "discharges", Now, None);

        await context.State.IngestedFiles.RecordOutcomeAsync(sha, IngestedFileStatus.Rejected, 0, 0, "reports/d.json", Now, None);
        var again = await context.State.IngestedFiles.RecordOutcomeAsync(sha, IngestedFileStatus.Processed, 5, 0, null, Now, None);

        Assert.Equal(IngestedFileStatus.Rejected, again.Status);
        Assert.Equal(IngestedFileStatus.Rejected, (await context.State.IngestedFiles.GetAsync(sha, None))!.Status);
    }

    [Fact]
    public async Task ConcurrentClaims_ExactlyOneWins()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var sha = Sha("racing");

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => context.State.IngestedFiles.TryClaimAsync(sha, $"f{i}.csv", "clients", Now, None))));

        Assert.Single(claims, c => c.Claimed);
    }

    [Fact]
    public async Task Guards_RefuseBadArgumentsBeforeAnyIo()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var files = context.State.IngestedFiles;
        await Assert.ThrowsAsync<ArgumentException>(() => files.TryClaimAsync("abc", "f", "k", Now, None));
        await Assert.ThrowsAsync<ArgumentException>(() => files.TryClaimAsync(new string('g', 64), "f", "k", Now, None));
        await Assert.ThrowsAsync<ArgumentException>(() => files.TryClaimAsync(Sha("x"), "", "k", Now, None));
        await Assert.ThrowsAsync<ArgumentException>(() => files.RecordOutcomeAsync(Sha("x"), IngestedFileStatus.Claimed, 0, 0, null, Now, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => files.RecordOutcomeAsync(Sha("x"), IngestedFileStatus.Processed, -1, 0, null, Now, None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => files.RecordOutcomeAsync(Sha("never"), IngestedFileStatus.Processed, 0, 0, null, Now, None));
        Assert.Null(await files.GetAsync(Sha("never"), None));
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
