using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Hub.Pipeline;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// A court list as HMCTS publish it carries no court code (docs/formats.md §1): the code may come with the upload
/// (<c>?courtcode=</c>), is kept as the blob's <c>courtcode</c> metadata through ingestion, and reaches the planner,
/// so court-based routing is not skipped. Without it the list is still read and the route report says what was skipped.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class CourtCodeUploadEndToEndTests
{
    private const string UnknownCourtWarning = "the court code of court house";

    [Fact]
    public async Task CourtListUpload_WithoutACode_IsReadWithAWarning_WithCourtcode_IsRoutedByThatCourt()
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0), new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = "1000000" });
        await world.LoadReferenceDataAsync();
        var downloaded = SampleCourtList();

        var without = await UploadAsync(world, "hmcts-download.json", null, downloaded);
        // Another file (one more newline), so it is not recognised as the first by its SHA-256.
        var with = await UploadAsync(world, "hmcts-download-2.json", "b13ls", [.. downloaded, (byte)'\n']);

        using (var report = await world.WaitForRouteReportAsync(without))
        {
            Assert.Contains(UnknownCourtWarning, report.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        using (var report = await world.WaitForRouteReportAsync(with))
        {
            Assert.DoesNotContain(UnknownCourtWarning, report.RootElement.GetRawText(), StringComparison.Ordinal);
        }

        var processed = new BlobContainerClient(world.ConnectionString, InboxContainers.Processed)
            .GetBlobClient(PipelineBlobs.MovedName(InboxContainers.CourtLists, with, "hmcts-download-2.json"));
        Assert.Equal("B13LS", (await processed.GetPropertiesAsync()).Value.Metadata[PipelineBlobs.CourtCodeMetadata]);
    }

    [Theory]
    [InlineData("court-lists", "no!")]
    [InlineData("court-lists", "AB")]
    [InlineData("court-results", "B13LS")]
    public async Task CourtListUpload_UnusableCourtcode_Is400AndNothingIsStored(string kind, string courtCode)
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/{kind}?name=list.json&courtcode={Uri.EscapeDataString(courtCode)}")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}")),
        };
        request.Headers.Add("x-functions-key", "e2e-key");

        using var response = await world.App.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var inbox = new BlobContainerClient(world.ConnectionString, kind);
        await inbox.CreateIfNotExistsAsync();
        Assert.False((await inbox.GetBlobClient("list.json").ExistsAsync()).Value);
    }

    private static async Task<string> UploadAsync(HubWorld world, string name, string? courtCode, byte[] content)
    {
        var path = $"/api/inbox/court-lists?name={Uri.EscapeDataString(name)}" + (courtCode is null ? "" : "&courtcode=" + courtCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        request.Headers.Add("x-functions-key", "e2e-key");
        using var response = await world.App.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("sha256").GetString()!;
    }

    /// <summary>The committed sample world's Leeds list (fictional people), as if downloaded: the name carries no code.</summary>
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
