using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// <c>GET /api/possible-matches</c> and <c>POST /api/possible-matches/{id}/confirm|reject</c> (docs/domain.md "Matching"
/// step 3: held for a person; a confirmation routes the held record).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PossibleMatchesApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PossibleMatches_Matching3_ListsHeld_ConfirmRoutesOnce_AndRepeatIsIdempotent()
    {
        var router = new RecordingPossibleMatchRouter();
        await using var host = await ApiTestHost.StartAsync(azurite, services: s => s.AddSingleton<IPossibleMatchRouter>(router));
        var match = await HoldAsync(host, line: 7);

        var (listStatus, list, _) = await host.SendAsync(HttpMethod.Get, "/api/possible-matches");
        var (status, body, _) = await host.SendAsync(HttpMethod.Post, $"/api/possible-matches/{match.Id}/confirm", new { by = "duty.worker" });
        var (againStatus, again, _) = await host.SendAsync(HttpMethod.Post, $"/api/possible-matches/{match.Id}/confirm", new { by = "duty.worker" });
        var (_, after, _) = await host.SendAsync(HttpMethod.Get, "/api/possible-matches");

        Assert.Equal(200, listStatus);
        var listed = Assert.Single(list.GetProperty("possibleMatches").EnumerateArray());
        Assert.Equal(match.Id, listed.GetProperty("id").GetString());
        Assert.Equal("C-77", listed.GetProperty("clientId").GetString());
        Assert.Equal(7, listed.GetProperty("sourceLine").GetInt32());
        Assert.Equal("held", listed.GetProperty("status").GetString());
        Assert.Equal(200, status);
        Assert.Equal("confirmed", body.GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("routed").GetBoolean());
        Assert.Equal(200, againStatus);
        Assert.Equal("alreadyConfirmed", again.GetProperty("outcome").GetString());
        // A repeated confirmation routes again: routing is idempotent, and the first call may have failed midway.
        Assert.Equal([match.Id, match.Id], router.Routed);
        Assert.Equal(0, after.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task PossibleMatches_Matching3_RejectRoutesNothing_AndConfirmingAfterwardsIs409()
    {
        var router = new RecordingPossibleMatchRouter();
        await using var host = await ApiTestHost.StartAsync(azurite, services: s => s.AddSingleton<IPossibleMatchRouter>(router));
        var match = await HoldAsync(host, line: 3);

        var (status, body, _) = await host.SendAsync(HttpMethod.Post, $"/api/possible-matches/{match.Id}/reject", new { by = "duty.worker" });
        var (confirmStatus, confirm, _) = await host.SendAsync(HttpMethod.Post, $"/api/possible-matches/{match.Id}/confirm", new { by = "duty.worker" });

        Assert.Equal(200, status);
        Assert.Equal("rejected", body.GetProperty("outcome").GetString());
        Assert.False(body.GetProperty("routed").GetBoolean());
        Assert.Equal(409, confirmStatus);
        ApiProblemAssert.IsProblem(confirm, 409);
        Assert.Empty(router.Routed);
    }

    [Theory]
    [InlineData("no-such-match", "reject", "{\"by\":\"x\"}", 404)]
    [InlineData("{held}", "maybe", "{\"by\":\"x\"}", 404)]
    [InlineData("{held}", "reject", "{}", 400)]
    [InlineData("{held}", "reject", "[1,2]", 400)]
    public async Task PossibleMatches_BadRequests_AnswerProblems(string id, string decision, string json, int expected)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var match = await HoldAsync(host, line: 5);
        using var request = ApiTestHost.Request(HttpMethod.Post, $"/api/possible-matches/{id.Replace("{held}", match.Id, StringComparison.Ordinal)}/{decision}");
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Anonymous.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected, (int)response.StatusCode);
        ApiProblemAssert.IsProblem(body, expected);
    }

    private static async Task<HeldPossibleMatch> HoldAsync(ApiTestHost host, int line)
    {
        var (match, _) = await host.Services.GetRequiredService<PossibleMatchStore>().HoldAsync(
            "sha-" + ApiTestHost.NewId("f"), new SourceRef("court-results-2026-12-24.csv", line), "C-77",
            "date of birth day and month swapped", "{}", ApiTestHost.Now, CancellationToken.None);
        return match;
    }
}
