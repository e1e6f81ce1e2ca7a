using ContinuityOfCare.Storage.Pipeline;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Pipeline;

/// <summary>
/// Expected strings are written out by hand from "Authorize with Shared Key" (Azure Storage REST reference), not
/// produced by the code under test.
/// </summary>
public sealed class SharedKeyCanonicalizerTests
{
    private static SharedKeyRequest Request(string method, string uri, long? length, params (string Name, string Value)[] headers) =>
        new(method, new Uri(uri), headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList(), length);

    [Fact]
    public void BlobPut_StandardHeadersInOrder_CanonicalHeadersSorted_ResourceWithAccountTwiceForPathStyle()
    {
        var request = Request(
            "put",
            "http://127.0.0.1:10000/devstoreaccount1/inbox/a%20b%2Bc.csv",
            11,
            ("x-ms-version", "2021-12-02"),
            ("Content-Type", "text/csv"),
            ("X-MS-Date", "Mon, 01 Jan 2024 00:00:00 GMT"),
            ("x-ms-blob-type", "BlockBlob"),
            ("If-None-Match", "*"),
            ("x-ms-meta-Source", "  court   list  "),
            ("User-Agent", "ignored"));

        var stringToSign = SharedKeyCanonicalizer.BlobQueueStringToSign(request, "devstoreaccount1");

        Assert.Equal(
            "PUT\n" + // verb
            "\n" + // Content-Encoding
            "\n" + // Content-Language
            "11\n" + // Content-Length
            "\n" + // Content-MD5
            "text/csv\n" + // Content-Type
            "\n" + // Date
            "\n" + // If-Modified-Since
            "\n" + // If-Match
            "*\n" + // If-None-Match
            "\n" + // If-Unmodified-Since
            "\n" + // Range
            "x-ms-blob-type:BlockBlob\n" +
            "x-ms-date:Mon, 01 Jan 2024 00:00:00 GMT\n" +
            "x-ms-meta-source:court   list\n" +
            "x-ms-version:2021-12-02\n" +
            "/devstoreaccount1/devstoreaccount1/inbox/a%20b%2Bc.csv",
            stringToSign);
    }

    [Fact]
    public void ZeroContentLength_IsEmptyInTheStringToSign()
    {
        var request = Request("DELETE", "https://acct.queue.core.windows.net/q", 0, ("x-ms-date", "d"));

        Assert.Equal("DELETE\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:d\n/acct/q", SharedKeyCanonicalizer.BlobQueueStringToSign(request, "acct"));
    }

    [Fact]
    public void QueryParameters_LowerCasedSortedDecoded_RepeatedValuesJoinedSorted()
    {
        var uri = new Uri("https://acct.blob.core.windows.net/c?restype=container&comp=list&prefix=a%20b%2Fc%2B&Marker=2%21x&include=metadata&include=deleted&maxresults=3");

        var resource = SharedKeyCanonicalizer.CanonicalizedResource(uri, "acct");

        Assert.Equal(
            "/acct/c\n" +
            "comp:list\n" +
            "include:deleted,metadata\n" +
            "marker:2!x\n" +
            "maxresults:3\n" +
            "prefix:a b/c+\n" +
            "restype:container",
            resource);
    }

    [Fact]
    public void ServiceRoot_ResourceIsAccountAndSlash()
    {
        Assert.Equal("/acct/\ncomp:properties\nrestype:service", SharedKeyCanonicalizer.CanonicalizedResource(new Uri("https://acct.blob.core.windows.net/?restype=service&comp=properties"), "acct"));
    }

    [Fact]
    public void CanonicalizedHeaders_OnlyStorageHeaders_ValuesTrimmedInnerSpacesKept_OrdinalOrder()
    {
        var headers = new Dictionary<string, string>
        {
            ["x-ms-meta-b"] = "2",
            ["x-ms-meta-a_b"] = "\t x \t y ",
            ["x-ms-meta-a"] = "1",
            ["Content-Type"] = "ignored",
            ["x-ms-client-request-id"] = "id",
        };

        Assert.Equal("x-ms-client-request-id:id\nx-ms-meta-a:1\nx-ms-meta-a_b:x \t y\nx-ms-meta-b:2\n", SharedKeyCanonicalizer.CanonicalizedHeaders(headers));
    }

    [Fact]
    public void Table_VerbMd5TypeDateResource_OnlyCompParameterKept()
    {
        var request = Request(
            "GET",
            "http://127.0.0.1:10002/devstoreaccount1/tbl(PartitionKey='O''Brien%20%C3%A9',RowKey='r')?$select=A&comp=acl&NextPartitionKey=x",
            null,
            ("x-ms-date", "Mon, 01 Jan 2024 00:00:00 GMT"),
            ("Content-Type", "application/json"),
            ("Accept", "application/json;odata=minimalmetadata"),
            ("x-ms-version", "2019-02-02"));

        Assert.Equal(
            "GET\n\napplication/json\nMon, 01 Jan 2024 00:00:00 GMT\n/devstoreaccount1/devstoreaccount1/tbl(PartitionKey='O''Brien%20%C3%A9',RowKey='r')?comp=acl",
            SharedKeyCanonicalizer.TableStringToSign(request, "devstoreaccount1"));
    }

    [Fact]
    public void Table_DateHeaderWinsOverXmsDate()
    {
        var request = Request("POST", "https://acct.table.core.windows.net/Tables", 20, ("Date", "D1"), ("x-ms-date", "D2"));

        Assert.Equal("POST\n\n\nD1\n/acct/Tables", SharedKeyCanonicalizer.TableStringToSign(request, "acct"));
    }
}
