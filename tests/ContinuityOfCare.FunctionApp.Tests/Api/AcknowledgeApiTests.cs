using System.Net;
using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// The signed single-use acknowledgement link (architecture.md "Security rules"): GET shows a page and changes nothing;
/// POST fulfils once; reused, expired and forged links get a clear page and change nothing. No API key: the token is
/// the credential.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcknowledgeApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AckLink_Get_ShowsAConfirmationFormWithoutAnApiKey_AndChangesNothing()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        var token = host.IssueToken(obligation.Id, ApiTestHost.Now);

        using var first = await host.Anonymous.GetAsync($"/api/ack/{token}");
        using var second = await host.Anonymous.GetAsync($"/api/ack/{token}");
        var html = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
        Assert.Contains(RuleIds.CjitDirToPrison, html, StringComparison.Ordinal);
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal(ObligationState.Open, (await StoredAsync(host, obligation.Id)).Obligation.State);
    }

    [Fact]
    public async Task AckLink_Post_FulfilsOnce_ThenTheSameLinkIsRefusedAsUsed()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        var token = host.IssueToken(obligation.Id, ApiTestHost.Now);

        using var post = await host.Anonymous.PostAsync($"/api/ack/{token}", content: null);
        var fulfilled = await StoredAsync(host, obligation.Id);
        using var repost = await host.Anonymous.PostAsync($"/api/ack/{token}", content: null);
        using var get = await host.Anonymous.GetAsync($"/api/ack/{token}");

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Recorded", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ObligationState.FulfilledOnTime, fulfilled.Obligation.State);
        Assert.Equal("ack-link", fulfilled.ClosedBy);
        Assert.Equal(HttpStatusCode.Conflict, repost.StatusCode);
        Assert.Contains("already been used", await repost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, get.StatusCode);
        Assert.Equal(fulfilled.Obligation.ClosedAt, (await StoredAsync(host, obligation.Id)).Obligation.ClosedAt);
    }

    [Fact]
    public async Task AckLink_SecondLinkForAnAlreadyFulfilledObligation_SaysAlreadyRecorded()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        var escalationLink = host.IssueToken(obligation.Id, ApiTestHost.Now);
        var alertLink = host.IssueToken(obligation.Id, ApiTestHost.Now);
        using var first = await host.Anonymous.PostAsync($"/api/ack/{alertLink}", content: null);

        using var second = await host.Anonymous.PostAsync($"/api/ack/{escalationLink}", content: null);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Already recorded", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AckLink_Expired_GetsAClearPage_AndChangesNothing()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        // Validity is 14 days: a link issued 15 days ago has expired.
        var token = host.IssueToken(obligation.Id, ApiTestHost.Now - Duration.FromDays(15));

        using var get = await host.Anonymous.GetAsync($"/api/ack/{token}");
        using var post = await host.Anonymous.PostAsync($"/api/ack/{token}", content: null);

        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("expired", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ObligationState.Open, (await StoredAsync(host, obligation.Id)).Obligation.State);
    }

    [Theory]
    [InlineData("tampered-signature")]
    [InlineData("other-secret")]
    [InlineData("garbage")]
    public async Task AckLink_ForgedOrMalformed_GetsAClearPage_AndChangesNothing(string kind)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligation = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", ApiTestHost.Now + Duration.FromDays(1));
        var genuine = host.IssueToken(obligation.Id, ApiTestHost.Now);
        var token = kind switch
        {
            // Flip one character of the signature (keeping it canonical base64url: 'A' ↔ 'B' in the first position).
            "tampered-signature" => genuine[..(genuine.IndexOf('.', StringComparison.Ordinal) + 1)]
                + (genuine[genuine.IndexOf('.', StringComparison.Ordinal) + 1] == 'A' ? 'B' : 'A')
                + genuine[(genuine.IndexOf('.', StringComparison.Ordinal) + 2)..],
            // Same key id, a different secret: what an attacker who guessed the format would produce.
            "other-secret" => new AcknowledgementTokens(
                new AcknowledgementKeyRing("k1", [new AcknowledgementKey("k1", Enumerable.Repeat((byte)9, 32).ToArray())]),
                Duration.FromDays(14)).Issue(obligation.Id, ApiTestHost.Now).Token,
            _ => "not-a-token",
        };

        using var get = await host.Anonymous.GetAsync($"/api/ack/{token}");
        using var post = await host.Anonymous.PostAsync($"/api/ack/{token}", content: null);

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("not valid", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ObligationState.Open, (await StoredAsync(host, obligation.Id)).Obligation.State);
    }

    [Fact]
    public async Task AckLink_ForAnUnknownObligation_Answers404Page()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var token = host.IssueToken("no-such-obligation", ApiTestHost.Now);

        using var post = await host.Anonymous.PostAsync($"/api/ack/{token}", content: null);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    private static async Task<StoredObligation> StoredAsync(ApiTestHost host, string id) =>
        (await host.Services.GetRequiredService<ObligationStore>().GetAsync(id, CancellationToken.None))!;
}
