using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Core.Feeds;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Feeds;

/// <summary>formats.md ("Files are identified by the SHA-256 of their bytes: the same file twice is processed once") / docs/pipeline.md "Functions".</summary>
public sealed class InboxScanTests
{
    private static readonly string ShaA = Sha("file A");
    private static readonly string ShaB = Sha("file B");
    private static readonly HashSet<string> Nothing = [];

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Plan_Formats_NewFilesEnqueuedOnceReferenceDataFirst()
    {
        var plan = InboxScan.Plan(
        [
            new InboxScanEntry("discharges", "LEI-2026-12-09.csv", Sha("d")),
            new InboxScanEntry("court-results", "b.csv", Sha("r2")),
            new InboxScanEntry("court-results", "a.csv", Sha("r1")),
            new InboxScanEntry("directory", "spoc.csv", Sha("dir")),
            new InboxScanEntry("clients", "register.csv", Sha("c")),
        ], Nothing);

        Assert.Equal(
            ["directory/spoc.csv", "clients/register.csv", "court-results/a.csv", "court-results/b.csv", "discharges/LEI-2026-12-09.csv"],
            plan.ToEnqueue.Select(e => e.Container + "/" + e.Name));
    }

    [Fact]
    public void Plan_Formats_SameBytesUnderTwoNamesAreEnqueuedOnce()
    {
        var plan = InboxScan.Plan(
        [
            new InboxScanEntry("court-results", "copy.csv", ShaA.ToUpperInvariant()),
            new InboxScanEntry("court-results", "original.csv", ShaA),
            new InboxScanEntry("court-lists", "other-container.json", ShaA),
        ], Nothing);

        var only = Assert.Single(plan.ToEnqueue);
        Assert.Equal(("court-lists", "other-container.json"), (only.Container, only.Name)); // court-lists precede court-results
        Assert.Equal(2, plan.Duplicates.Count);
    }

    [Fact]
    public void Plan_Formats_AlreadyIngestedBytesAreNotEnqueuedAgain()
    {
        var ingested = new HashSet<string> { InboxScan.KeyForSha256(ShaA) };

        var plan = InboxScan.Plan(
            [new InboxScanEntry("court-results", "again.csv", ShaA), new InboxScanEntry("court-results", "new.csv", ShaB)], ingested);

        Assert.Equal(["new.csv"], plan.ToEnqueue.Select(e => e.Name));
        Assert.Equal(["again.csv"], plan.AlreadyIngested.Select(e => e.Name));
    }

    [Fact]
    public void Plan_Formats_ScanningTwiceAfterRecordingEnqueuesNothing()
    {
        var listing = new[] { new InboxScanEntry("clients", "a.csv", ShaA), new InboxScanEntry("clients", "b.csv", null, "\"0x8DD1\"") };
        var first = InboxScan.Plan(listing, Nothing);

        var second = InboxScan.Plan(listing, first.ToEnqueue.Select(e => e.IngestKey).ToHashSet());

        Assert.Equal(2, first.ToEnqueue.Count);
        Assert.Empty(second.ToEnqueue);
        Assert.Equal(2, second.AlreadyIngested.Count);
    }

    [Fact]
    public void Plan_Formats_NonInboxContainersAreNeverIngested()
    {
        var plan = InboxScan.Plan(
            [new InboxScanEntry("processed", "a.csv", ShaA), new InboxScanEntry("reports", "r.json", ShaB), new InboxScanEntry("Clients", "x.csv", Sha("x"))],
            Nothing);

        Assert.Empty(plan.ToEnqueue);
        Assert.Equal(3, plan.NotInbox.Count);
    }

    public static TheoryData<InboxScanEntry, string> Keys => new()
    {
        { new InboxScanEntry("clients", "a.csv", Sha("file A")), "sha256:" + Sha("file A") },
        { new InboxScanEntry("clients", "a.csv", Sha("file A").ToUpperInvariant()), "sha256:" + Sha("file A") },
        { new InboxScanEntry("clients", "a.csv", Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("file A")))), "sha256:" + Sha("file A") },
        { new InboxScanEntry("clients", "a.csv", "not-a-hash", "\"0x8DD\""), "etag:clients/a.csv@0x8DD" },
        { new InboxScanEntry("clients", "a.csv", null, "0x8DD"), "etag:clients/a.csv@0x8DD" },
        { new InboxScanEntry("clients", "a.csv"), "name:clients/a.csv" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void IngestKey_Formats_ContentAddressedWhenTheHashIsKnown(InboxScanEntry entry, string expected)
    {
        Assert.Equal(expected, entry.IngestKey);
    }

    [Fact]
    public void KeyForSha256_Formats_RefusesWhatIsNotADigest()
    {
        Assert.Throws<ArgumentException>(() => InboxScan.KeyForSha256("abc"));
        Assert.False(InboxScan.TryNormaliseSha256(Convert.ToBase64String(new byte[31]), out _));
        Assert.False(InboxScan.TryNormaliseSha256(new string('g', 64), out _));
    }
}
