using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Hub.Console;
using ContinuityOfCare.Hub.Console.Pages;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// Spreadsheet-formula payloads (OWASP "CSV Injection") in every text field of every POST that takes text — the API's
/// fulfilment (<c>by</c>, <c>note</c>) and decision (<c>by</c>), and the console's forms with their anti-forgery token
/// (a fulfilment's note, a possible match's reason, a task's note, the sign-in key, a replay's queue) — against a real
/// obligation, a real possible match and a real task in the hub's stores on Azurite. The documented outcome
/// (docs/api.md "Text fields and CSV"): a text is stored as given (the console trims it), except that <c>by</c> refuses
/// control characters with 400 and then nothing is stored; no response carries a stack trace; and every CSV the hub
/// writes (the compliance report, from the API and from the console) renders a cell that starts with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, tab or CR with a leading <c>'</c>. Obligations owned by "organisations" named with the
/// payloads put every payload into the CSV, so the test fails if one reaches a cell un-neutralised.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class FormulaPayloadTests(AzuriteFixture azurite)
{
    private static readonly string[] Payloads =
        ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-1+1", "@SUM(1)", "\t=1+1", "\r=1+1", "\t+1+1", "\r-1+1"];

    /// <summary>The keyed POSTs with a JSON body this test covers; a new one fails the test until it is covered here.</summary>
    private static readonly string[] CoveredJsonPosts = ["obligations/{id}/fulfil", "obligations/reconcile", "possible-matches/{id}/{decision}"];

    [Fact]
    public void Every_keyed_json_post_route_is_covered()
    {
        var routes = HttpSecurityTests.HttpFunctions()
            .Where(f => f.Level == AuthorizationLevel.Function && f.Method == "post" && !f.Route.StartsWith("inbox/", StringComparison.Ordinal))
            .Select(f => f.Route).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(CoveredJsonPosts.Order(StringComparer.Ordinal), routes);
    }

    [Fact]
    public async Task Formula_payloads_in_every_text_field_are_stored_as_given_or_refused_and_every_csv_cell_is_neutralised()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var obligations = host.Services.GetRequiredService<ObligationStore>();
        var matches = host.Services.GetRequiredService<PossibleMatchStore>();
        var tasks = host.Services.GetRequiredService<TaskStore>();
        var started = ApiTestHost.Now;
        var due = started + Duration.FromHours(4);
        var (console, csrf) = await SignInAsync(host);
        using var signedIn = console;

        foreach (var payload in Payloads)
        {
            var refusedByBy = payload.Any(char.IsControl);

            // API fulfilment: by and note.
            var apiObligation = await host.OpenObligationAsync(ApiTestHost.NewId("obl"), "cjit.dir-to-prison", "LDSCJ", due);
            var (status, _, response) = await host.SendAsync(HttpMethod.Post, $"/api/obligations/{apiObligation.Id}/fulfil", new { by = payload, note = payload });
            var stored = (await obligations.GetAsync(apiObligation.Id, CancellationToken.None))!;
            await AssertNoTraceAsync(response);
            if (refusedByBy)
            {
                Assert.Equal(400, status);
                await HttpSecurityTests.AssertProblemWithoutTraceAsync(response);
                Assert.False(stored.Obligation.IsClosed, "a refused fulfilment stores nothing");
            }
            else
            {
                Assert.Equal(200, status);
                Assert.Equal((payload, payload), (stored.ClosedBy, stored.ClosingNote));
            }

            // API decision: by.
            var apiMatch = await HoldAsync(matches);
            (status, _, response) = await host.SendAsync(HttpMethod.Post, $"/api/possible-matches/{apiMatch.Id}/reject", new { by = payload });
            var decided = (await matches.GetAsync(apiMatch.Id, CancellationToken.None))!;
            await AssertNoTraceAsync(response);
            Assert.Equal(refusedByBy ? 400 : 200, status);
            Assert.Equal(refusedByBy ? (PossibleMatchStatus.Held, null) : (PossibleMatchStatus.Rejected, payload), (decided.Status, decided.DecidedBy));

            // API reconciliation: takes no text; the payloads in its body change nothing and break nothing.
            (status, _, response) = await host.SendAsync(HttpMethod.Post, "/api/obligations/reconcile?dryRun=true", new { reason = payload, note = payload, by = payload });
            await AssertNoTraceAsync(response);
            Assert.Equal(200, status);

            // Console: a fulfilment's note (the console trims what a form sends).
            var consoleObligation = await host.OpenObligationAsync(ApiTestHost.NewId("obl"), "cjit.dir-to-prison", "LDSCJ", due);
            var answer = await PostFormAsync(console, $"obligations/{consoleObligation.Id}/fulfil", new() { ["_csrf"] = csrf, ["note"] = payload });
            await AssertNoTraceAsync(answer);
            Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
            Assert.Equal(payload.Trim(), (await obligations.GetAsync(consoleObligation.Id, CancellationToken.None))!.ClosingNote);

            // Console: a possible match's reason.
            var consoleMatch = await HoldAsync(matches);
            answer = await PostFormAsync(console, $"possible-matches/{consoleMatch.Id}/decide", new() { ["_csrf"] = csrf, ["decision"] = "reject", ["reason"] = payload });
            await AssertNoTraceAsync(answer);
            Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);

            // Console: a task's note.
            var (task, _) = await tasks.AddAsync(HubTaskKinds.ConsentMissing, "LDSCJ", "C-" + ApiTestHost.NewId("c"), "consent not recorded", null, ApiTestHost.Now, CancellationToken.None);
            answer = await PostFormAsync(console, "tasks/resolve", new() { ["_csrf"] = csrf, ["taskId"] = task.Id, ["clientId"] = task.ClientId!, ["note"] = payload });
            await AssertNoTraceAsync(answer);
            Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);

            // Console: a replay names a queue; a payload names none (404) and moves nothing.
            answer = await PostFormAsync(console, "operations/replay", new() { ["_csrf"] = csrf, ["queue"] = payload, ["confirm"] = "yes" });
            await AssertNoTraceAsync(answer);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);

            // Console: the sign-in form's key (a payload is a wrong key: 401, no session).
            var (login, loginToken) = await LoginFormAsync(host);
            using (login)
            {
                answer = await PostFormAsync(login, "login", new() { ["_csrf"] = loginToken, ["apiKey"] = payload });
                await AssertNoTraceAsync(answer);
                Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
                Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(ConsoleAuthenticator.SessionCookie + "=", StringComparison.Ordinal)));
            }

            // An owner named with the payload puts it into the compliance CSV's organisation cells.
            await host.OpenObligationAsync(ApiTestHost.NewId("obl"), "cjit.dir-to-prison", payload, due);
        }

        var audit = new List<AuditEntry>();
        await foreach (var entry in host.Services.GetRequiredService<AuditStore>().ReadAsync(started - Duration.FromMinutes(1), ApiTestHost.Now + Duration.FromMinutes(1), CancellationToken.None))
        {
            audit.Add(entry);
        }

        Assert.All(Payloads, payload => Assert.Contains(audit, e => e.Action == PossibleMatchesPage.ReasonAuditAction && e.Detail == payload.Trim()));
        Assert.All(Payloads, payload => Assert.Contains(audit, e => e.Action == TasksPage.AuditAction && e.Detail == payload.Trim()));
        Assert.DoesNotContain(audit, e => e.Action == OperationsPage.AuditAction);

        // Every CSV the hub writes: the compliance report, from the API and as the console's download.
        var period = $"from={ApiTestHost.Iso(started - Duration.FromDays(2))}&to={ApiTestHost.Iso(started + Duration.FromDays(1))}";
        var (csvStatus, _, csvResponse) = await host.SendAsync(HttpMethod.Get, $"/api/reports/compliance?{period}&format=csv");
        Assert.Equal(200, csvStatus);
        var month = LocalDatePattern((started - Duration.FromHours(20)).InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date);
        var consoleCsv = await console.GetAsync(new Uri($"/api/console/compliance/csv?month={month}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, consoleCsv.StatusCode);
        foreach (var csv in new[] { await csvResponse.Content.ReadAsStringAsync(), await consoleCsv.Content.ReadAsStringAsync() })
        {
            var cells = Cells(csv).ToList();
            Assert.All(cells, cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"a CSV cell starts with a formula character: {cell}"));
            Assert.All(Payloads, payload => Assert.Contains("'" + payload, cells));
        }
    }

    private static string LocalDatePattern(LocalDate date) => NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyy-MM").Format(date);

    private static async Task<HeldPossibleMatch> HoldAsync(PossibleMatchStore matches)
    {
        var (match, _) = await matches.HoldAsync(
            "sha-" + ApiTestHost.NewId("f"), new SourceRef("court-results-2026-12-24.csv", 4), "C-77",
            "date of birth day and month swapped", "{}", ApiTestHost.Now, CancellationToken.None);
        return match;
    }

    /// <summary>Signs in to the console as a person would (the sign-in form's token and nonce cookie, then the API key): a client sending the session cookie, and the session's anti-forgery token.</summary>
    private static async Task<(HttpClient Client, string Csrf)> SignInAsync(ApiTestHost host)
    {
        var (withNonce, token) = await LoginFormAsync(host);
        using var nonceClient = withNonce;
        var signedIn = await PostFormAsync(withNonce, "login", new() { ["_csrf"] = token, ["apiKey"] = ApiTestHost.ApiKey });
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var console = Client(host, Cookie(signedIn));
        var page = await console.GetAsync(new Uri("/api/console/tasks", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (console, CsrfField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    /// <summary>The sign-in form as a browser gets it: a client sending its nonce cookie, and the form's anti-forgery token.</summary>
    private static async Task<(HttpClient Client, string Csrf)> LoginFormAsync(ApiTestHost host)
    {
        using var anonymous = Client(host, null);
        var form = await anonymous.GetAsync(new Uri("/api/console/login", UriKind.Relative));
        return (Client(host, Cookie(form)), CsrfField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    private static HttpClient Client(ApiTestHost host, string? cookie)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.App.BaseAddress };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    private static string Cookie(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").First();
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }

    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        client.PostAsync(new Uri("/api/console/" + path, UriKind.Relative), new FormUrlEncodedContent(fields));

    private static async Task AssertNoTraceAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    /// <summary>The cells of an RFC 4180 text (quoted cells unquoted, doubled quotes halved).</summary>
    private static IEnumerable<string> Cells(string csv)
    {
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                yield return cell.ToString();
                cell.Clear();
            }
            else if (c != '\r' || i + 1 >= csv.Length || csv[i + 1] != '\n')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0)
        {
            yield return cell.ToString();
        }
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
