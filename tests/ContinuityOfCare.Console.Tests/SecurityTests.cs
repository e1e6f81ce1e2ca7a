using System.Net;
using ContinuityOfCare.Hub.Console;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// Signing in, the headers of every response, anti-forgery refusal, and the role × page matrix: operator, team member
/// and anonymous on every page; a team member opening another team's obligation or client gets 404.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class SecurityTests(ConsoleWorld world)
{
    public static TheoryData<string, string, int> Matrix => new()
    {
        // page, role (operator | member | anonymous), expected status
        { "today", "operator", 200 }, { "today", "member", 200 }, { "today", "anonymous", 303 },
        { "obligations", "operator", 200 }, { "obligations", "member", 200 }, { "obligations", "anonymous", 303 },
        { "possible-matches", "operator", 200 }, { "possible-matches", "member", 200 }, { "possible-matches", "anonymous", 303 },
        { "tasks", "operator", 200 }, { "tasks", "member", 200 }, { "tasks", "anonymous", 303 },
        { "clients", "operator", 200 }, { "clients", "member", 200 }, { "clients", "anonymous", 303 },
        { "directory", "operator", 200 }, { "directory", "member", 404 }, { "directory", "anonymous", 303 },
        { "compliance", "operator", 200 }, { "compliance", "member", 200 }, { "compliance", "anonymous", 303 },
        { "operations", "operator", 200 }, { "operations", "member", 404 }, { "operations", "anonymous", 303 },
        { "no-such-page", "operator", 404 }, { "no-such-page", "anonymous", 303 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_by_page(string page, string role, int expected)
    {
        using var client = role switch
        {
            "operator" => world.Client(world.SessionCookie(ConsoleWorld.Operator)),
            "member" => world.Client(world.SessionCookie(ConsoleWorld.Member("LDSCJ"))),
            _ => world.Client(),
        };
        var response = await client.GetAsync("/api/console/" + page);
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 303)
        {
            Assert.Equal("/api/console/login", response.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task A_team_member_gets_404_for_another_teams_obligation_and_client_and_200_for_its_own()
    {
        var all = await world.Get<Hub.State.ObligationStore>().QueryAsync(new Hub.State.ObligationQuery(), CancellationToken.None);
        var own = all.First(o => o.Obligation.OwnerOrganisationId == "LDSCJ");
        using var member = world.Client(world.SessionCookie(ConsoleWorld.Member("LDSCJ")));
        using var op = world.Client(world.SessionCookie(ConsoleWorld.Operator));
        using var api = world.Client();
        api.DefaultRequestHeaders.Add("x-functions-key", ConsoleWorld.ApiKey);
        StoredObligationOfOtherTeam? found = null;
        foreach (var candidate in all.Where(o => o.Obligation.OwnerOrganisationId != "LDSCJ"))
        {
            // A client Leeds CJIT has nothing to do with: no obligation, task or Alert Form of LDSCJ in its timeline.
            var timeline = await api.GetStringAsync($"/api/clients/{candidate.ClientId}/timeline");
            if (!timeline.Contains("\"LDSCJ\"", StringComparison.Ordinal))
            {
                found = new(candidate);
                break;
            }
        }

        var other = found!.Stored;

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/console/obligations/" + own.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/console/obligations/" + other.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/console/obligations/no-such-obligation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/api/console/obligations/" + other.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/console/clients/" + own.ClientId)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/console/clients/" + other.ClientId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync("/api/console/clients/" + other.ClientId)).StatusCode);

        // The member's list shows only its own team's obligations, even when it asks for another team.
        var list = await (await member.GetAsync("/api/console/obligations?team=" + other.Obligation.OwnerOrganisationId)).Content.ReadAsStringAsync();
        Assert.Contains(own.Id[..12], list, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id[..12], list, StringComparison.Ordinal);

        // A form post about another team's obligation is 404 too, and changes nothing.
        var token = world.Get<AntiForgery>().TokenFor(ConsoleWorld.Member("LDSCJ"));
        var post = await member.PostAsync($"/api/console/obligations/{other.Id}/fulfil", new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False((await world.Get<Hub.State.ObligationStore>().GetAsync(other.Id, CancellationToken.None))!.Obligation.IsClosed);
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        using var client = world.Client(world.SessionCookie(ConsoleWorld.Operator));
        foreach (var path in new[] { "today", "obligations", "tasks", "compliance", "login", "no-such-page" })
        {
            var response = await client.GetAsync("/api/console/" + path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var open = (await world.Get<Hub.State.ObligationStore>().QueryAsync(new Hub.State.ObligationQuery(Owner: "LDSCJ"), CancellationToken.None))
            .First(o => !o.Obligation.IsClosed);
        using var client = world.Client(world.SessionCookie(ConsoleWorld.Operator));
        var forged = await client.PostAsync($"/api/console/obligations/{open.Id}/fulfil", new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var otherSession = world.Get<AntiForgery>().TokenFor(ConsoleWorld.Member("LDSCJ"));
        var stolen = await client.PostAsync($"/api/console/obligations/{open.Id}/fulfil", new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = otherSession }));
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
        Assert.False((await world.Get<Hub.State.ObligationStore>().GetAsync(open.Id, CancellationToken.None))!.Obligation.IsClosed);

        var token = world.Get<AntiForgery>().TokenFor(ConsoleWorld.Operator);
        var huge = await client.PostAsync($"/api/console/obligations/{open.Id}/fulfil",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token, ["note"] = new string('x', 20_000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.False((await world.Get<Hub.State.ObligationStore>().GetAsync(open.Id, CancellationToken.None))!.Obligation.IsClosed);
    }

    [Fact]
    public async Task Signing_in_sets_a_strict_http_only_cookie_and_a_wrong_key_is_refused()
    {
        using var client = world.Client();
        var form = await client.GetAsync("/api/console/login");
        var nonceCookie = form.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("HttpOnly", nonceCookie, StringComparison.Ordinal);
        Assert.Contains("SameSite=Strict", nonceCookie, StringComparison.Ordinal);
        var html = await form.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"_csrf\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = nonceCookie[..nonceCookie.IndexOf(';', StringComparison.Ordinal)];

        using var withNonce = world.Client(cookie);
        var wrong = await withNonce.PostAsync("/api/console/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token, ["apiKey"] = "not-the-key" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var noToken = await withNonce.PostAsync("/api/console/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["apiKey"] = ConsoleWorld.ApiKey }));
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);

        var right = await withNonce.PostAsync("/api/console/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["_csrf"] = token, ["apiKey"] = ConsoleWorld.ApiKey }));
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        var session = right.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith(ConsoleAuthenticator.SessionCookie + "=", session, StringComparison.Ordinal);
        Assert.Contains("HttpOnly", session, StringComparison.Ordinal);
        Assert.Contains("SameSite=Strict", session, StringComparison.Ordinal);
        Assert.DoesNotContain("Secure", session, StringComparison.Ordinal);

        using var signedIn = world.Client(session[..session.IndexOf(';', StringComparison.Ordinal)]);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/console/today")).StatusCode);
        using var tampered = world.Client(session[..session.IndexOf(';', StringComparison.Ordinal)] + "x");
        Assert.Equal(HttpStatusCode.SeeOther, (await tampered.GetAsync("/api/console/today")).StatusCode);
    }

    private sealed record StoredObligationOfOtherTeam(Hub.State.StoredObligation Stored);
}
