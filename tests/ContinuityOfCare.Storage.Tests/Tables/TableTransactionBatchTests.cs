using System.Text;
using Azure;
using ContinuityOfCare.Storage.Tables;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

public sealed class TableTransactionBatchTests
{
    [Fact]
    public void Build_OneChangesetWithAnHttpPartPerAction()
    {
        var tableUri = new Uri("http://127.0.0.1:1/devstoreaccount1/tbl");
        var batchId = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var changesetId = Guid.Parse("00000000-0000-0000-0000-000000000002");

        var (contentType, body) = TableTransactionBatch.Build(
            tableUri,
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "a b")),
                new(TableTransactionActionType.Delete, new TableEntity("p", "O'x"), new ETag("W/\"1\"")),
            ],
            batchId,
            changesetId);

        var text = Encoding.UTF8.GetString(body);
        Assert.Equal("multipart/mixed; boundary=batch_00000000-0000-0000-0000-000000000001", contentType);
        Assert.StartsWith("--batch_00000000-0000-0000-0000-000000000001\r\nContent-Type: multipart/mixed; boundary=changeset_00000000-0000-0000-0000-000000000002\r\n\r\n", text, StringComparison.Ordinal);
        Assert.Contains("POST http://127.0.0.1:1/devstoreaccount1/tbl HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DELETE http://127.0.0.1:1/devstoreaccount1/tbl(PartitionKey='p',RowKey='O%27%27x') HTTP/1.1\r\n", text, StringComparison.Ordinal);
        Assert.Contains("If-Match: W/\"1\"\r\n", text, StringComparison.Ordinal);
        Assert.Contains("{\"PartitionKey\":\"p\",\"RowKey\":\"a b\"}", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("--changeset_00000000-0000-0000-0000-000000000002\r\n").Length - 1);
        Assert.EndsWith("--changeset_00000000-0000-0000-0000-000000000002--\r\n\r\n--batch_00000000-0000-0000-0000-000000000001--\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FailedChangesetResponse_YieldsStatusHeadersAndBody()
    {
        const string response =
            "--batchresponse_1\r\nContent-Type: multipart/mixed; boundary=changesetresponse_2\r\n\r\n" +
            "--changesetresponse_2\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n" +
            "HTTP/1.1 409 Conflict\r\nX-Content-Type-Options: nosniff\r\nContent-Type: application/json;odata=minimalmetadata;charset=utf-8\r\n\r\n" +
            "{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"2:The specified entity already exists.\\nRequestId:x\"}}}\r\n" +
            "--changesetresponse_2--\r\n--batchresponse_1--\r\n";

        var part = Assert.Single(TableTransactionBatch.Parse(response));

        Assert.Equal(409, part.Status);
        Assert.StartsWith("application/json", part.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("{\"odata.error\"", part.Body, StringComparison.Ordinal);
        Assert.EndsWith("}", part.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SuccessfulResponse_OnePartPerActionWithETags()
    {
        const string response =
            "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n" +
            "--c\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\nETag: W/\"1\"\r\n\r\n\r\n" +
            "--c\r\nContent-Type: application/http\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n\r\n--c--\r\n--b--";

        var parts = TableTransactionBatch.Parse(response);

        Assert.Equal([204, 204], parts.Select(p => p.Status));
        Assert.Equal(new ETag("W/\"1\""), TableTransactionBatch.ETagOf(parts[0]));
        Assert.Null(TableTransactionBatch.ETagOf(parts[1]));
    }

    [Theory]
    [InlineData("2:The specified entity already exists.", 2, "The specified entity already exists.")]
    [InlineData("17:x", 17, "x")]
    [InlineData("No index here", null, "No index here")]
    [InlineData(null, null, "")]
    public void SplitIndex_ReadsTheFailingActionIndexPrefix(string? message, int? index, string rest)
    {
        Assert.Equal((index, rest), TableTransactionBatch.SplitIndex(message));
    }

    [Fact]
    public void ContinuationToken_FormatParse_RoundTrip()
    {
        Assert.Equal(("1!8!cA--", "1!8!cg--"), TableContinuationToken.Parse(TableContinuationToken.Format("1!8!cA--", "1!8!cg--")));
        Assert.Equal(("only", (string?)null), TableContinuationToken.Parse(TableContinuationToken.Format("only", null)));
        Assert.Throws<ArgumentException>(() => TableContinuationToken.Parse(" "));
    }
}
