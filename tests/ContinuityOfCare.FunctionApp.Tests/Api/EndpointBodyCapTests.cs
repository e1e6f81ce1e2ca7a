using ContinuityOfCare.Hub.Api;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// An endpoint's body cap is its <see cref="ApiEndpoint.MaxBodyBytes"/> — the number the host bridge stops reading at —
/// whether that is below or above the JSON cap: one rule, checked before the endpoint's own logic runs.
/// </summary>
public sealed class EndpointBodyCapTests
{
    [Theory]
    [InlineData(10, 10, 200)]
    [InlineData(10, 11, 413)]
    [InlineData(ApiRequest.MaxBodyBytes * 2, ApiRequest.MaxBodyBytes + 1, 200)]
    [InlineData(ApiRequest.MaxBodyBytes * 2, ApiRequest.MaxBodyBytes * 2 + 1, 413)]
    [InlineData(ApiRequest.MaxBodyBytes, ApiRequest.MaxBodyBytes + 1, 413)]
    public async Task A_body_is_refused_exactly_when_it_is_over_the_endpoints_own_cap(long cap, int bodyBytes, int expected)
    {
        var endpoint = new CappedEndpoint(cap);

        var answer = await endpoint.InvokeAsync(Input(new string('a', bodyBytes)), CancellationToken.None);

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal(expected == 200, endpoint.Handled);
    }

    [Fact]
    public async Task A_body_the_bridge_stopped_reading_is_refused_whatever_the_cap()
    {
        var endpoint = new CappedEndpoint(ApiRequest.MaxBodyBytes * 4);

        var answer = await endpoint.InvokeAsync(Input(null) with { BodyOverCap = true }, CancellationToken.None);

        Assert.Equal(413, answer.StatusCode);
        Assert.False(endpoint.Handled);
    }

    private static HttpTriggerInput Input(string? body) =>
        new("POST", "http://127.0.0.1/api/test", new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, string>(), body);

    private sealed class CappedEndpoint(long cap) : ApiEndpoint(NullLogger.Instance)
    {
        public bool Handled { get; private set; }

        public override long MaxBodyBytes => cap;

        protected override Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
        {
            Handled = true;
            return Task.FromResult(HttpResponseOutput.Text(200, "ok"));
        }
    }
}
