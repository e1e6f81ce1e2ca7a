using System.Net;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.Hub.Hosting;
using ContinuityOfCare.FunctionApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.CustomHandler;

/// <summary>
/// The custom handler contract (architecture.md "Hosting: one app, two hosts"), over real HTTP on loopback, with
/// request bodies written byte-for-byte as the Functions host serialises them (Newtonsoft.Json, no indentation,
/// <c>{"Data":…,"Metadata":…}</c>; strings and scalars through <c>JsonConvert.SerializeObject</c>).
/// </summary>
public sealed class CustomHandlerContractTests : IAsyncLifetime
{
    private readonly InvocationLog _log = new();
    private HubTestApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await HubTestApp.StartCustomHandlerAsync(new Dictionary<string, string?>(), services =>
        {
            services.AddSingleton(_log);
            services.AddHubFunction<EchoFunction>("Echo", EchoFunction.Definition("echo-in", "echo-out"));
            services.AddHubFunction<AlwaysFailsFunction>("AlwaysFails", AlwaysFailsFunction.Definition("fails-in"));
            services.AddHubFunction<TickFunction>("Tick", TickFunction.Definition);
            services.AddHubFunction<PingFunction>("Ping", PingFunction.Definition);
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string functionName, string payload)
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await _app.Client.PostAsync(new Uri(functionName, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), "every answer has a JSON body (an empty 2xx would hang the host)");
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Architecture_Readiness_GetRootAnswers200()
    {
        using var response = await _app.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", _app.BaseAddress.Host);
    }

    [Fact]
    public async Task Architecture_QueueMessage_IsUnwrappedOnce_MetadataScalarsAreJsonEncoded_OutputsAreArraysOfStrings()
    {
        // A JSON message {"caseId":"c-1","note":"café"}: the host serialises the message string again, so Data holds a
        // JSON string whose content is a JSON string literal; DequeueCount (a long) arrives as "1", Id as "\"…\"".
        const string payload =
            """{"Data":{"message":"\"{\\\"caseId\\\":\\\"c-1\\\",\\\"note\\\":\\\"café\\\"}\""},"Metadata":{"DequeueCount":"2","ExpirationTime":"2026-01-19T07:00:00+00:00","Id":"\"0b3f1c9e-5d55-4c0e-9a1a-2b8f0d6e7a10\"","InsertionTime":"2026-01-12T07:00:00+00:00","NextVisibleTime":"2026-01-12T07:10:00+00:00","PopReceipt":"\"AgAAAAMAAAAAAAAAAgtnj8x+1QE=\"","sys":{"MethodName":"Echo","UtcNow":"2026-01-12T07:00:00.1234567Z","RandGuid":"6d1f7c2e-3b1a-4d8e-9f00-1a2b3c4d5e6f"}}}""";

        var (status, body) = await PostAsync("Echo", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        var input = Assert.IsType<QueueTriggerInput>(Assert.Single(_log.Inputs));
        Assert.Equal("""{"caseId":"c-1","note":"café"}""", input.Message);
        Assert.Equal(2, input.DequeueCount);
        Assert.Equal("0b3f1c9e-5d55-4c0e-9a1a-2b8f0d6e7a10", input.MessageId);
        var outputs = body.GetProperty("Outputs").GetProperty("outMessages");
        Assert.Equal(JsonValueKind.Array, outputs.ValueKind);
        Assert.All(outputs.EnumerateArray(), item => Assert.Equal(JsonValueKind.String, item.ValueKind));
        Assert.Equal(["""{"caseId":"c-1","note":"café"}""", "2"], outputs.EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task Architecture_PlainTextQueueMessage_IsUnwrappedOnce()
    {
        const string payload = """{"Data":{"message":"\"hello world\""},"Metadata":{"DequeueCount":"1","Id":"\"m-2\"","sys":{"MethodName":"Echo","UtcNow":"2026-07-01T06:00:00Z","RandGuid":"00000000-0000-0000-0000-000000000001"}}}""";

        var (status, _) = await PostAsync("Echo", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("hello world", Assert.IsType<QueueTriggerInput>(Assert.Single(_log.Inputs)).Message);
    }

    [Fact]
    public async Task Architecture_FailingInvocation_AnswersNon2xxWithAJsonBody()
    {
        const string payload = """{"Data":{"message":"\"x\""},"Metadata":{"DequeueCount":"5","Id":"\"m-3\"","PopReceipt":"\"p\""}}""";

        var (status, body) = await PostAsync("AlwaysFails", payload);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("InvalidOperationException", body.GetProperty("Error").GetString());
        Assert.DoesNotContain("always fails", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Architecture_Timer_ArrivesAsTheTimerInfoObject()
    {
        const string payload = """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-01-11T07:00:00+00:00","Next":"2026-01-12T07:00:00+00:00","LastUpdated":"2026-01-11T07:00:00.0123456+00:00"},"IsPastDue":true}},"Metadata":{"sys":{"MethodName":"Tick","UtcNow":"2026-01-12T07:03:00Z","RandGuid":"00000000-0000-0000-0000-000000000002"}}}""";
        const string firstRun = """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{}}""";

        Assert.Equal(HttpStatusCode.OK, (await PostAsync("Tick", payload)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("Tick", firstRun)).Status);

        Assert.Equal([true, false], _log.Inputs.Cast<TimerTriggerInput>().Select(timer => timer.IsPastDue));
    }

    [Fact]
    public async Task Architecture_HttpTrigger_RequestObjectIn_HttpOutputObjectOut()
    {
        const string payload = """{"Data":{"req":{"Url":"http://localhost:7071/api/ping/42?who=smt","Method":"POST","Query":{"who":"smt"},"Headers":{"Content-Type":["text/plain; charset=utf-8"],"Host":["localhost:7071"],"Content-Length":["5"]},"Params":{"id":"42"},"Body":"hello"}},"Metadata":{"id":"\"42\"","who":"\"smt\"","Query":{"who":"smt"},"Headers":{"Content-Type":"text/plain; charset=utf-8","Host":"localhost:7071","Content-Length":"5"},"sys":{"MethodName":"Ping","UtcNow":"2026-01-12T07:00:00Z","RandGuid":"00000000-0000-0000-0000-000000000003"}}}""";

        var (status, body) = await PostAsync("Ping", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(201, res.GetProperty("statusCode").GetInt32());
        Assert.Equal("pong 42 smt hello", res.GetProperty("body").GetString());
        Assert.Equal("text/plain; charset=utf-8", res.GetProperty("headers").GetProperty("Content-Type").GetString());
        var request = Assert.IsType<HttpTriggerInput>(Assert.Single(_log.Inputs));
        Assert.Equal("POST", request.Method);
        Assert.Equal(["text/plain; charset=utf-8"], request.Headers["content-type"]);
    }

    [Theory]
    [InlineData("Echo", "not json", HttpStatusCode.BadRequest)]
    [InlineData("Echo", """{"Data":{},"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("Echo", """{"Data":{"message":{"a":1}},"Metadata":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("NoSuchFunction", """{"Data":{},"Metadata":{}}""", HttpStatusCode.NotFound)]
    public async Task Architecture_UnusablePayloads_AnswerNon2xxWithAJsonBody(string functionName, string payload, HttpStatusCode expected)
    {
        var (status, body) = await PostAsync(functionName, payload);

        Assert.Equal(expected, status);
        Assert.True(body.TryGetProperty("Error", out _));
        Assert.Empty(_log.Inputs);
    }
}
