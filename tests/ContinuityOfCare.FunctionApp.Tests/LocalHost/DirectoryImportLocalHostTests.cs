using System.Text.Json;
using ContinuityOfCare.FunctionApp.Tests.Support;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.LocalHost;

/// <summary>
/// The SPOC directory import (docs/pipeline.md "Functions", <c>DirectoryImport</c>): dropping a SPOC directory CSV into the inbox with the local host running creates a directory
/// version and a diff report; an invalid file leaves the previous version live and reports every problem with its
/// line number (formats.md §4).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DirectoryImportLocalHostTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Formats4_BlobDroppedInTheInbox_BecomesAVersion_ThenAnInvalidFileKeepsItLive()
    {
        var table = azurite.UniqueName("spoc");
        var reports = azurite.UniqueName("reports");
        await using var app = await HubTestApp.StartLocalAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["DirectoryImport:Table"] = table,
            ["DirectoryImport:ReportsContainer"] = reports,
            ["LocalRunner:BlobPollingInterval"] = "00:00:00.200",
        });
        var inbox = new BlobContainerClient(azurite.ConnectionString, "directory");
        await inbox.CreateIfNotExistsAsync();

        await inbox.GetBlobClient($"{table}-valid.csv").UploadAsync(new MemoryStream(DirectoryFiles.Valid), overwrite: true);
        var accepted = await Eventually.GetAsync(async () => (await StorageProbe.ReportsAsync(azurite.ConnectionString, reports, "-accepted.json")).FirstOrDefault(), "the accepted report");

        Assert.Equal(1, await StorageProbe.LiveVersionAsync(azurite.ConnectionString, table));
        using (var report = JsonDocument.Parse(accepted))
        {
            Assert.Equal(1, report.RootElement.GetProperty("version").GetInt32());
            Assert.Equal(["CJIT-LDS", "CJIT-BFD", "LEI", "WYI", "REG-YH"],
                report.RootElement.GetProperty("diff").GetProperty("added").EnumerateArray().Select(code => code.GetString()));
        }

        await inbox.GetBlobClient($"{table}-invalid.csv").UploadAsync(new MemoryStream(DirectoryFiles.Invalid), overwrite: true);
        var rejected = await Eventually.GetAsync(async () => (await StorageProbe.ReportsAsync(azurite.ConnectionString, reports, "-rejected.txt")).FirstOrDefault(), "the rejected report");

        Assert.Equal(1, await StorageProbe.LiveVersionAsync(azurite.ConnectionString, table));
        Assert.Contains("REJECTED: 3 problem(s); version 1 stays live.", rejected, StringComparison.Ordinal);
        Assert.Contains("line 3: email is not a valid email address", rejected, StringComparison.Ordinal);
        Assert.Contains("line 3: postcode district LS6 is covered by both CJIT-LDS (line 2) and CJIT-BFD", rejected, StringComparison.Ordinal);
        Assert.Contains("line 5: org_code LEI is also used on line 4: codes must be unique", rejected, StringComparison.Ordinal);
    }
}
