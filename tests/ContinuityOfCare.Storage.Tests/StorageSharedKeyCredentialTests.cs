using Xunit;

namespace ContinuityOfCare.Storage.Tests;

public sealed class StorageSharedKeyCredentialTests
{
    private const string ExpectedSignature = "JzzFh/mYBtKgRr96t8cx5HK2Sph5wHI/YpR3Mibw3Rg=";

    [Fact]
    public void ComputeHmacSha256_MatchesIndependentlyComputedVector()
    {
        // Vector computed outside .NET: base64(HMAC-SHA256(base64decode(devstoreaccount1 key), UTF-8 "GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/c")).
        var credential = new StorageSharedKeyCredential(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

        var signature = credential.ComputeHmacSha256("GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/c");

        Assert.Equal(ExpectedSignature, signature);
    }

    [Theory]
    [InlineData(null, "a2V5")]
    [InlineData("acct", null)]
    public void NullArguments_Throw(string? name, string? key)
    {
        Assert.Throws<ArgumentNullException>(() => new StorageSharedKeyCredential(name!, key!));
    }

    [Theory]
    [InlineData("", "a2V5")]
    [InlineData(" ", "a2V5")]
    [InlineData("acct", "")]
    [InlineData("acct", "not base64!")]
    public void InvalidArguments_Throw(string name, string key)
    {
        var failure = Assert.Throws<ArgumentException>(() => new StorageSharedKeyCredential(name, key));
        Assert.DoesNotContain("not base64!", failure.Message, StringComparison.Ordinal);
    }
}
