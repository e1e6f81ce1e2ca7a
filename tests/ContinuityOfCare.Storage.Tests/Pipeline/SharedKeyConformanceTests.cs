using System.Xml.Linq;
using Azure.Core;
using ContinuityOfCare.Storage.Blobs;
using ContinuityOfCare.Storage.Pipeline;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Pipeline;

/// <summary>Signed raw requests the clients never build themselves, accepted by a real Azurite (a wrong signature is 403).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedKeyConformanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task QueryParametersInUnusualOrder_WithEncodedValues_AreSignedCorrectly()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, azurite.UniqueName("sig"));
        await container.CreateIfNotExistsAsync();
        foreach (var name in (string[])["a+b c/1", "a+b c/2", "a+b c/3", "zzz"])
        {
            await container.GetBlobClient(name).UploadAsync(new MemoryStream([1]));
        }

        var pipeline = StoragePipeline.ForBlobQueue(new BlobClientOptions(), BlobClientOptions.ServiceVersion, azurite.Credential);
        var uri = new Uri(container.Uri.AbsoluteUri + "?maxresults=2&prefix=a%2Bb%20c%2F&include=metadata&comp=list&timeout=30&restype=container");
        using var message = pipeline.CreateMessage(RequestMethod.Get, uri);
        message.Request.Headers.SetValue("x-ms-meta-spaced", "  spaced   out  ");
        message.Request.Headers.SetValue("X-MS-META-Ignored", "upper-case name");

        var response = await pipeline.SendAsync(message, CancellationToken.None, 200);

        var names = XDocument.Parse(response.Content.ToString()).Descendants("Name").Select(n => n.Value);
        Assert.Equal(["a+b c/1", "a+b c/2"], names);
    }

    [Fact]
    public async Task WrongKey_IsRejectedWith403AuthenticationFailed()
    {
        var wrongKey = new StorageSharedKeyCredential(StorageConnectionString.DevelopmentAccountName, Convert.ToBase64String(new byte[64]));
        var container = new BlobContainerClient(new Uri(azurite.BlobEndpoint + "/" + azurite.UniqueName("sig")), wrongKey);

        var failure = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => container.CreateIfNotExistsAsync());

        Assert.Equal(403, failure.Status);
        // Azurite says AuthorizationFailure where Azure says AuthenticationFailed.
        Assert.Contains(failure.ErrorCode, (string[])["AuthorizationFailure", "AuthenticationFailed"]);
    }
}
