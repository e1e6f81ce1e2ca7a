using Xunit;

namespace ContinuityOfCare.Storage.Tests;

public sealed class StorageConnectionStringTests
{
    private const string Key = StorageConnectionString.DevelopmentAccountKey;

    [Fact]
    public void DevelopmentStorage_UsesAzuriteDefaultPortsPathStyle()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void DevelopmentStorage_CaseInsensitiveNameAndValue_TrailingSemicolon()
    {
        Assert.Equal("devstoreaccount1", StorageConnectionString.Parse("usedevelopmentstorage=TRUE;").AccountName);
    }

    [Fact]
    public void FullForm_DerivesEndpointsFromAccountProtocolAndSuffix()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=hubprod;AccountKey={Key};EndpointSuffix=core.windows.net");

        Assert.Equal("hubprod", parsed.AccountName);
        Assert.Equal(new Uri("https://hubprod.blob.core.windows.net"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("https://hubprod.queue.core.windows.net"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("https://hubprod.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void FullForm_DefaultsToHttpsAndPublicCloudSuffix()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=acct;AccountKey={Key}");

        Assert.Equal(new Uri("https://acct.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void FullForm_SovereignSuffixAndHttp()
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=http;AccountName=acct;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("http://acct.queue.core.chinacloudapi.cn"), parsed.QueueEndpoint);
    }

    [Fact]
    public void ExplicitEndpoints_WinAndStayPathStyle_TrailingSlashTrimmed()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            "BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1/;QueueEndpoint=http://localhost:41001/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1");

        Assert.Equal("http://127.0.0.1:41000/devstoreaccount1", parsed.BlobEndpoint!.AbsoluteUri);
        Assert.Equal("http://localhost:41001/devstoreaccount1", parsed.QueueEndpoint!.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:41002/devstoreaccount1", parsed.TableEndpoint!.AbsoluteUri);
    }

    [Fact]
    public void SettingOrderAndWhitespace_DoNotMatter()
    {
        var parsed = StorageConnectionString.Parse($" AccountKey = {Key} ; AccountName = acct ");

        Assert.Equal("acct", parsed.AccountName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";;")]
    [InlineData("AccountName")]
    [InlineData("=value")]
    [InlineData("AccountKey=" + Key)]
    [InlineData("AccountName=acct")]
    [InlineData("AccountName=;AccountKey=" + Key)]
    [InlineData("AccountName=acct;AccountKey=not*base64")]
    [InlineData("AccountName=acct;AccountName=other;AccountKey=" + Key)]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";BlobEndpoint=not a uri")]
    [InlineData("AccountName=acct;AccountKey=" + Key + ";TableEndpoint=ftp://host/x")]
    [InlineData("BlobEndpoint=https://a.blob.core.windows.net;SharedAccessSignature=sv=2020&sig=x")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://proxy")]
    public void Invalid_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));
    }

    [Fact]
    public void Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => StorageConnectionString.Parse(null!));
    }

    [Fact]
    public void BadKey_MessageNeverContainsTheKey()
    {
        const string secretLookingKey = "c2VjcmV0*";

        var failure = Assert.Throws<FormatException>(() => StorageConnectionString.Parse($"AccountName=acct;AccountKey={secretLookingKey}"));

        Assert.DoesNotContain(secretLookingKey, failure.ToString(), StringComparison.Ordinal);
    }
}
