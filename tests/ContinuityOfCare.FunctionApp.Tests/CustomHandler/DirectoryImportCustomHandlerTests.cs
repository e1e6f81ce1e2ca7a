using System.Net;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.CustomHandler;

/// <summary>
/// The real SPOC directory import behind the custom handler: a blob trigger payload as the Functions host sends it
/// (<c>dataType</c> binary → base64 in Data; the <c>{name}</c> binding value JSON-encoded in Metadata).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DirectoryImportCustomHandlerTests(AzuriteFixture azurite)
{
    private static string BlobPayload(string blobName, byte[] content) =>
        "{\"Data\":{\"directoryFile\":\"" + Convert.ToBase64String(content) + "\"},\"Metadata\":{"
        + "\"name\":\"\\\"" + blobName + "\\\"\","
        + "\"Uri\":\"\\\"http://127.0.0.1:10000/devstoreaccount1/directory/" + blobName + "\\\"\","
        + "\"Properties\":{\"LastModified\":\"2026-02-01T09:00:00+00:00\",\"ContentLength\":" + content.Length + ",\"ContentType\":\"text/csv\",\"ETag\":\"\\\"0x8DC2B1F3E5A7C10\\\"\"},"
        + "\"Metadata\":{},"
        + "\"sys\":{\"MethodName\":\"DirectoryImport\",\"UtcNow\":\"2026-02-01T09:00:01.5Z\",\"RandGuid\":\"9a8b7c6d-0000-4000-8000-000000000004\"}}}";

    [Fact]
    public async Task Formats4_BlobTriggerPayload_ImportsTheDirectory_InvalidFileIsAHandledOutcome()
    {
        var table = azurite.UniqueName("spoc");
        var reports = azurite.UniqueName("reports");
        await using var app = await HubTestApp.StartCustomHandlerAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DirectoryImport:Table"] = table,
            ["DirectoryImport:ReportsContainer"] = reports,
        });

        using (var content = new StringContent(BlobPayload("spoc-2026-01.csv", DirectoryFiles.Valid), Encoding.UTF8, "application/json"))
        using (var response = await app.Client.PostAsync(new Uri("DirectoryImport", UriKind.Relative), content))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Empty(body.RootElement.GetProperty("Outputs").EnumerateObject());
        }

        Assert.Equal(1, await StorageProbe.LiveVersionAsync(azurite.ConnectionString, table));

        using (var content = new StringContent(BlobPayload("spoc-2026-02.csv", DirectoryFiles.Invalid), Encoding.UTF8, "application/json"))
        using (var response = await app.Client.PostAsync(new Uri("DirectoryImport", UriKind.Relative), content))
        {
            // A rejected file is reported, not retried: the invocation itself succeeded.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await StorageProbe.LiveVersionAsync(azurite.ConnectionString, table));
        var rejected = Assert.Single(await StorageProbe.ReportsAsync(azurite.ConnectionString, reports, "-rejected.json"));
        using var report = JsonDocument.Parse(rejected);
        Assert.Equal("spoc-2026-02.csv", report.RootElement.GetProperty("source").GetString());
        Assert.Equal([3, 3, 5], report.RootElement.GetProperty("problems").EnumerateArray().Select(problem => problem.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Formats4_SameFileTwice_IsImportedOnce()
    {
        var table = azurite.UniqueName("spoc");
        var reports = azurite.UniqueName("reports");
        await using var app = await HubTestApp.StartCustomHandlerAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DirectoryImport:Table"] = table,
            ["DirectoryImport:ReportsContainer"] = reports,
        });

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var content = new StringContent(BlobPayload("spoc.csv", DirectoryFiles.Valid), Encoding.UTF8, "application/json");
            using var response = await app.Client.PostAsync(new Uri("DirectoryImport", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, await StorageProbe.LiveVersionAsync(azurite.ConnectionString, table));
        Assert.Single(await StorageProbe.ReportsAsync(azurite.ConnectionString, reports, "-unchanged.txt"));
    }
}
