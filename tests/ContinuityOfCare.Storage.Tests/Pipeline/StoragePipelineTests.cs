using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using ContinuityOfCare.Storage.Pipeline;
using ContinuityOfCare.Storage.Tables;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Pipeline;

/// <summary>The whole Azure.Core pipeline with a transport that records the request instead of sending it.</summary>
public sealed class StoragePipelineTests
{
    private static readonly byte[] Key = Convert.FromBase64String(StorageConnectionString.DevelopmentAccountKey);

    private static StorageSharedKeyCredential Credential => new(StorageConnectionString.DevelopmentAccountName, StorageConnectionString.DevelopmentAccountKey);

    [Fact]
    public async Task BlobQueuePipeline_StampsVersionDateAndSharedKeySignatureOfTheFinalRequest()
    {
        var transport = new RecordingTransport(201);
        var pipeline = StoragePipeline.ForBlobQueue(new TableClientOptions { Transport = transport }, "2021-12-02", Credential);
        using var message = pipeline.CreateMessage(RequestMethod.Put, new Uri("http://127.0.0.1:1/devstoreaccount1/c/x%20y?comp=metadata"));
        message.Request.Headers.SetValue("x-ms-meta-k", "v");

        await pipeline.SendAsync(message, CancellationToken.None, 201);

        var request = transport.Requests.Single();
        Assert.Equal("2021-12-02", request.Headers["x-ms-version"]);
        Assert.True(DateTimeOffset.TryParseExact(request.Headers["x-ms-date"], "R", null, System.Globalization.DateTimeStyles.None, out _));
        var stringToSign = SharedKeyCanonicalizer.BlobQueueStringToSign(request.ToSharedKeyRequest(), "devstoreaccount1");
        Assert.Contains("x-ms-client-request-id:", stringToSign, StringComparison.Ordinal);
        Assert.Equal($"SharedKey devstoreaccount1:{Sign(stringToSign)}", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task TablePipeline_SignsWithTheTableScheme()
    {
        var transport = new RecordingTransport(200);
        var pipeline = StoragePipeline.ForTable(new TableClientOptions { Transport = transport }, "2019-02-02", Credential);
        using var message = pipeline.CreateMessage(RequestMethod.Get, new Uri("http://127.0.0.1:1/devstoreaccount1/t()?$top=1"));

        await pipeline.SendAsync(message, CancellationToken.None, 200);

        var request = transport.Requests.Single();
        var expected = $"GET\n\n\n{request.Headers["x-ms-date"]}\n/devstoreaccount1/devstoreaccount1/t()";
        Assert.Equal($"SharedKey devstoreaccount1:{Sign(expected)}", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task TokenPipeline_RequestsTheStorageScopeAndSendsBearerToken()
    {
        var transport = new RecordingTransport(200);
        var credential = new FixedTokenCredential();
        var pipeline = StoragePipeline.ForToken(new TableClientOptions { Transport = transport }, "2019-02-02", credential);
        using var message = pipeline.CreateMessage(RequestMethod.Get, new Uri("https://acct.table.core.windows.net/t()"));

        await pipeline.SendAsync(message, CancellationToken.None, 200);

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer token-123", transport.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task UnexpectedStatus_ThrowsRequestFailedExceptionWithCodeFromXmlBodyAndRequestId()
    {
        var transport = new RecordingTransport(403, "<?xml version=\"1.0\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message></Error>", ("x-ms-request-id", "req-42"));
        var pipeline = StoragePipeline.ForBlobQueue(new TableClientOptions { Transport = transport }, "2021-12-02", Credential);
        using var message = pipeline.CreateMessage(RequestMethod.Get, new Uri("http://127.0.0.1:1/devstoreaccount1/q"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => pipeline.SendAsync(message, CancellationToken.None, 200));

        Assert.Equal(403, failure.Status);
        Assert.Equal("AuthenticationFailed", failure.ErrorCode);
        Assert.Equal("req-42", failure.GetRequestId());
        Assert.Contains("req-42", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedStatus_ErrorCodeHeaderWinsOverJsonBody()
    {
        var transport = new RecordingTransport(409, "{\"odata.error\":{\"code\":\"FromBody\",\"message\":{\"lang\":\"en-US\",\"value\":\"m\"}}}", ("x-ms-error-code", "FromHeader"));
        var pipeline = StoragePipeline.ForTable(new TableClientOptions { Transport = transport }, "2019-02-02", Credential);
        using var message = pipeline.CreateMessage(RequestMethod.Post, new Uri("http://127.0.0.1:1/devstoreaccount1/t"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => pipeline.SendAsync(message, CancellationToken.None, 204));

        Assert.Equal("FromHeader", failure.ErrorCode);
    }

    [Fact]
    public async Task RetriableStatus_IsRetriedPerOptions_AndEachAttemptIsSignedAfresh()
    {
        var transport = new RecordingTransport(503);
        var options = new TableClientOptions { Transport = transport };
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        var pipeline = StoragePipeline.ForTable(options, "2019-02-02", Credential);
        using var message = pipeline.CreateMessage(RequestMethod.Get, new Uri("http://127.0.0.1:1/devstoreaccount1/t()"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => pipeline.SendAsync(message, CancellationToken.None, 200));

        Assert.Equal(503, failure.Status);
        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.StartsWith("SharedKey devstoreaccount1:", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<Error><Code>C</Code><Message>M</Message></Error>", "C", "M")]
    [InlineData("{\"odata.error\":{\"code\":\"C\",\"message\":{\"value\":\"1:M\"}}}", "C", "1:M")]
    [InlineData("not a body", null, null)]
    [InlineData("<broken", null, null)]
    [InlineData("{broken", null, null)]
    public void ParseBody_ReadsXmlAndJsonErrors_ToleratesGarbage(string body, string? code, string? message)
    {
        Assert.Equal((code, message), StorageErrorParser.ParseBody(body));
    }

    private static string Sign(string stringToSign) => Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(stringToSign)));

    private sealed record RecordedRequest(string Method, Uri Uri, Dictionary<string, string> Headers, long? ContentLength)
    {
        public SharedKeyRequest ToSharedKeyRequest() => new(Method, Uri, [.. Headers], ContentLength);
    }

    private sealed class RecordingTransport(int status, string? body = null, params (string Name, string Value)[] responseHeaders) : HttpPipelineTransport
    {
        public List<RecordedRequest> Requests { get; } = [];

        public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

        public override void Process(HttpMessage message) => throw new NotSupportedException("Tests use the async path only.");

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            var request = message.Request;
            long? length = request.Content is not null && request.Content.TryComputeLength(out var n) ? n : null;
            Requests.Add(new RecordedRequest(request.Method.Method, request.Uri.ToUri(), request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase), length));
            message.Response = new FakeResponse(status, body, responseHeaders);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FakeResponse(int status, string? body, (string Name, string Value)[] headers) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => "Fake";

        public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => headers.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Name, h.Value));

        protected override bool TryGetHeader(string name, out string value)
        {
            var match = headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
            value = match.Value!;
            return match.Name is not null;
        }

        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            var found = TryGetHeader(name, out var value);
            values = found ? [value] : [];
            return found;
        }
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-123", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
