using System.Net;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.FunctionApp.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary><c>GET /api/obligations</c> and <c>POST /api/obligations/{id}/fulfil</c> over real loopback HTTP against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ObligationsApiTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Obligations_WithoutTheRightApiKey_Answers401(string? key)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/obligations");
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await host.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Obligations_KeyInTheCodeQueryParameter_IsAccepted()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);

        using var response = await host.Anonymous.GetAsync($"/api/obligations?code={ApiTestHost.ApiKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Obligations_FilteredByOwnerStatusAndDueBefore_ListsOnlyMatchesEarliestDueFirst()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var now = ApiTestHost.Now;
        var soon = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", now + Duration.FromDays(1));
        var sooner = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", now + Duration.FromHours(2));
        var later = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", now + Duration.FromDays(10));
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.SmtKeyworker, "LEI", now + Duration.FromDays(1));
        var dueBefore = (now + Duration.FromDays(5)).ToString();

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, $"/api/obligations?owner=CJIT-LDS&status=open&dueBefore={dueBefore}");

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("count").GetInt32());
        var ids = body.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToList();
        Assert.Equal([sooner.Id, soon.Id], ids);
        Assert.DoesNotContain(later.Id, ids);
        var first = body.GetProperty("obligations")[0];
        Assert.Equal("CJIT-LDS", first.GetProperty("owner").GetString());
        Assert.Equal("open", first.GetProperty("status").GetString());
        Assert.False(first.GetProperty("isLate").GetBoolean());
    }

    [Theory]
    [InlineData("status=finished")]
    [InlineData("status=3")]
    [InlineData("dueBefore=next-tuesday")]
    public async Task Obligations_InvalidFilter_Answers400ProblemNamingTheParameter(string query)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);

        var (status, body, response) = await host.SendAsync(HttpMethod.Get, "/api/obligations?" + query);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        ApiProblemAssert.IsProblem(body, 400);
        Assert.Contains(query.Split('=')[0], body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fulfil_BeforeDue_IsOnTime_AndRepeatingItChangesNothing()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));

        var (status, body, _) = await host.SendAsync(HttpMethod.Post, $"/api/obligations/{obligation.Id}/fulfil", new { by = "duty.worker", note = "DIR sent by secure email" });
        var (againStatus, again, _) = await host.SendAsync(HttpMethod.Post, $"/api/obligations/{obligation.Id}/fulfil", new { by = "someone.else" });

        Assert.Equal(200, status);
        Assert.Equal("fulfilled", body.GetProperty("outcome").GetString());
        Assert.Equal("fulfilledOnTime", body.GetProperty("obligation").GetProperty("status").GetString());
        Assert.Equal("duty.worker", body.GetProperty("obligation").GetProperty("closedBy").GetString());
        Assert.Equal(200, againStatus);
        Assert.Equal("alreadyFulfilled", again.GetProperty("outcome").GetString());
        Assert.Equal("duty.worker", again.GetProperty("obligation").GetProperty("closedBy").GetString());
        Assert.Equal(body.GetProperty("obligation").GetProperty("closedAt").GetString(), again.GetProperty("obligation").GetProperty("closedAt").GetString());
        var stored = await host.Services.GetRequiredService<ObligationStore>().GetAsync(obligation.Id, CancellationToken.None);
        Assert.Equal(ObligationState.FulfilledOnTime, stored!.Obligation.State);
    }

    [Fact]
    public async Task Fulfil_WithoutAt_IsStampedWithTheHubsClock_NotTheMachineClock()
    {
        // The hub's domain clock (IClock) is what the pipeline opens obligations with; the API must close them on the
        // same timeline, or a hub run with a set "now" (the main job, tests) records fulfilment before the obligation began.
        var hubNow = Instant.FromUtc(2026, 12, 24, 17, 0);
        await using var host = await ApiTestHost.StartAsync(azurite, services: s => s.AddSingleton<IClock>(new FakeClock(hubNow)));
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", hubNow + Duration.FromDays(1));

        var (status, body, _) = await host.SendAsync(HttpMethod.Post, $"/api/obligations/{obligation.Id}/fulfil", new { by = "duty.worker" });

        Assert.Equal(200, status);
        Assert.StartsWith("2026-12-24T17:00:00", body.GetProperty("obligation").GetProperty("closedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("fulfilledOnTime", body.GetProperty("obligation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Fulfil_AtAfterDue_IsLate_WithLatenessFromTheDueInstant()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var due = ApiTestHost.Now - Duration.FromDays(2);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", due);
        var at = due + Duration.FromHours(6);

        var (status, body, _) = await host.SendAsync(HttpMethod.Post, $"/api/obligations/{obligation.Id}/fulfil", new { by = "duty.worker", at = ApiTestHost.Iso(at) });

        Assert.Equal(200, status);
        var view = body.GetProperty("obligation");
        Assert.Equal("fulfilledLate", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("isLate").GetBoolean());
        Assert.Equal(6.0, view.GetProperty("latenessHours").GetDouble());
        Assert.Equal(ApiTestHost.Iso(at), view.GetProperty("closedAt").GetString());
    }

    [Fact]
    public async Task Fulfil_UnknownObligation_Answers404Problem()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);

        var (status, body, _) = await host.SendAsync(HttpMethod.Post, "/api/obligations/no-such-obligation/fulfil", new { by = "duty.worker" });

        Assert.Equal(404, status);
        ApiProblemAssert.IsProblem(body, 404);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"by\":\"\"}")]
    [InlineData("{\"by\":\"x\",\"at\":\"yesterday\"}")]
    [InlineData("{\"by\":\"x\",\"at\":\"2999-01-01T00:00:00Z\"}")]
    [InlineData("not json")]
    [InlineData("")]
    public async Task Fulfil_InvalidBody_Answers400Problem_AndChangesNothing(string json)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        using var request = ApiTestHost.Request(HttpMethod.Post, $"/api/obligations/{obligation.Id}/fulfil");
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Anonymous.SendAsync(request);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        ApiProblemAssert.IsProblem(body, 400);
        var stored = await host.Services.GetRequiredService<ObligationStore>().GetAsync(obligation.Id, CancellationToken.None);
        Assert.Equal(ObligationState.Open, stored!.Obligation.State);
    }

    [Fact]
    public async Task Fulfil_CancelledObligation_Answers409Problem()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        await host.Services.GetRequiredService<ObligationStore>().CancelAsync(obligation.Id, ApiTestHost.Now, "E-later", "released", CancellationToken.None);

        var (status, body, _) = await host.SendAsync(HttpMethod.Post, $"/api/obligations/{obligation.Id}/fulfil", new { by = "duty.worker" });

        Assert.Equal(409, status);
        ApiProblemAssert.IsProblem(body, 409);
    }
}
