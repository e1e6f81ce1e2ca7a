using System.Net;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// <c>POST /api/inbox/{kind}</c> (docs/api.md: an authenticated upload is processed like a blob drop) and the monthly
/// <c>DirectoryRefresh</c> (docs/pipeline.md "Functions").
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class InboxUploadEndToEndTests
{
    private const int UploadCap = 4096;

    [Fact]
    public async Task InboxUpload_DirectoryRegisterAndCourtResultUploaded_AreProcessedAndTheAlertFormsSent()
    {
        await using var world = await StartAsync();

        using (var directory = await UploadAsync(world, "directory", "directory.csv", E2eFiles.Directory))
        {
            Assert.Equal(HttpStatusCode.Accepted, directory.StatusCode);
        }

        await Eventually.GetAsync(async () => (await world.Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live, "the uploaded directory's import");
        string clientsSha;
        using (var clients = await UploadAsync(world, "clients", "clients.csv", E2eFiles.Clients))
        {
            Assert.Equal(HttpStatusCode.Accepted, clients.StatusCode);
            using var body = JsonDocument.Parse(await clients.Content.ReadAsStringAsync());
            Assert.Equal("ingest", body.RootElement.GetProperty("handedTo").GetString());
            clientsSha = body.RootElement.GetProperty("sha256").GetString()!;
        }

        await Eventually.GetAsync(async () =>
            (await world.Get<IngestedFileStore>().GetAsync(clientsSha, CancellationToken.None)) is { Status: not IngestedFileStatus.Claimed } file ? file : null,
            "the uploaded register's import");

        string resultsSha;
        using (var results = await UploadAsync(world, "court-results", "results-uploaded.csv", E2eFiles.ConsentingRemand))
        {
            Assert.Equal(HttpStatusCode.Accepted, results.StatusCode);
            using var body = JsonDocument.Parse(await results.Content.ReadAsStringAsync());
            resultsSha = body.RootElement.GetProperty("sha256").GetString()!;
        }

        // The stored bytes are the uploaded file's: its SHA-256 is the one a blob drop of the same file would have.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(E2eFiles.ConsentingRemand)), resultsSha);
        using var report = await world.WaitForRouteReportAsync(resultsSha);
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, emails.Count);
        var file = await world.Get<IngestedFileStore>().GetAsync(resultsSha, CancellationToken.None);
        Assert.Equal("results-uploaded.csv", file!.FileName);
    }

    [Fact]
    public async Task InboxUpload_WrongKind400_MissingKey401_OverTheCap413_NameTaken409_MissingName400()
    {
        await using var world = await StartAsync();

        using var wrongKind = await UploadAsync(world, "processed", "x.csv", E2eFiles.Clients);
        using var noKey = await UploadAsync(world, "clients", "x.csv", E2eFiles.Clients, key: null);
        using var tooLarge = await UploadAsync(world, "clients", "big.csv", new byte[UploadCap + 1].Select(_ => (byte)'a').ToArray());
        using var first = await UploadAsync(world, "court-lists", "list.json", Encoding.UTF8.GetBytes("{}"));
        using var taken = await UploadAsync(world, "court-lists", "list.json", Encoding.UTF8.GetBytes("{\"other\":1}"));
        using var noName = await UploadAsync(world, "clients", null, E2eFiles.Clients);

        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);

        // Nothing refused was stored.
        var clientsInbox = new Azure.Storage.Blobs.BlobContainerClient(world.ConnectionString, InboxContainers.Clients);
        await clientsInbox.CreateIfNotExistsAsync();
        await foreach (var blob in clientsInbox.GetBlobsAsync())
        {
            Assert.Fail($"unexpected blob {blob.Name} in the clients inbox");
        }
    }

    [Fact]
    public async Task DirectoryRefresh_NewestInboxFileAlreadyLive_DoesNothing_ElseImportsIt()
    {
        await using var world = await StartAsync();
        await world.LoadReferenceDataAsync();
        var refresher = world.Get<DirectoryRefresher>();
        var before = await world.Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None);

        var unchanged = await refresher.RefreshAsync(CancellationToken.None);
        Assert.Equal(DirectoryRefreshResult.AlreadyImported, unchanged.Status);
        Assert.Equal("directory.csv", unchanged.BlobName);
        Assert.Equal(before.Live!.Version, (await world.Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live!.Version);

        // Another version goes live by hand (not through the inbox): the inbox's newest file is then not the live source.
        var manual = Encoding.UTF8.GetString(E2eFiles.Directory).Replace("0113 496 0101", "0113 496 0102", StringComparison.Ordinal);
        var byHand = await world.Get<DirectoryImporter>().ImportAsync("by-hand.csv", Encoding.UTF8.GetBytes(manual), force: false, CancellationToken.None);
        Assert.Equal(DirectoryImportOutcome.Accepted, byHand.Status);

        var refreshed = await refresher.RefreshAsync(CancellationToken.None);

        Assert.Equal(DirectoryRefreshResult.Imported, refreshed.Status);
        Assert.Equal(DirectoryImportOutcome.Accepted, refreshed.Import!.Status);
        var live = await world.Get<DirectoryStore>().LoadLiveAsync(CancellationToken.None);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(E2eFiles.Directory)), live.SourceSha256);
        Assert.Equal(DirectoryRefreshResult.AlreadyImported, (await refresher.RefreshAsync(CancellationToken.None)).Status);
    }

    private static Task<HubWorld> StartAsync() => HubWorld.StartAsync(
        Instant.FromUtc(2026, 12, 24, 16, 0),
        new Dictionary<string, string?> { ["Pipeline:MaxUploadBytes"] = UploadCap.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static async Task<HttpResponseMessage> UploadAsync(HubWorld world, string kind, string? name, byte[] content, string? key = "e2e-key")
    {
        var path = $"/api/inbox/{kind}" + (name is null ? "" : "?name=" + Uri.EscapeDataString(name));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await world.App.Client.SendAsync(request);
    }
}
