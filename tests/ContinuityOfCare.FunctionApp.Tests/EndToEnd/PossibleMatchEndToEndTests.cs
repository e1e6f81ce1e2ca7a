using System.Net.Http.Json;
using System.Text.Json;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>A possible match held, then confirmed through the API (docs/pipeline.md "Confirmed possible matches").</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PossibleMatchEndToEndTests
{
    [Fact]
    public async Task Matching_Step3_NearMissHeldUntilConfirmed_ThenItsAlertFormsAreSentOnce_AndASecondConfirmSendsNothing()
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0));
        await world.LoadReferenceDataAsync();

        // Peter Ashdown's name, but a date of birth one day out and no NOMS number: only a possible match (docs/domain.md "Matching" step 3).
        var sha = await world.DropAsync(InboxContainers.CourtResults, "results-near-miss.csv",
            E2eFiles.Remand("Ashdown", "Peter James", "1984-03-16", "", "LEI", "2026-12-24T16:00"));
        using var report = await world.WaitForRouteReportAsync(sha);
        Assert.Empty(report.RootElement.GetProperty("alerts").EnumerateArray());
        Assert.Empty(await world.Maildev.WaitForEmailsAsync(_ => true, expected: 1, TimeSpan.FromSeconds(2)));

        var held = await SendAsync(world, HttpMethod.Get, "/api/possible-matches");
        var match = Assert.Single(held.GetProperty("possibleMatches").EnumerateArray());
        Assert.Equal("E2E0001", match.GetProperty("clientId").GetString());
        var id = match.GetProperty("id").GetString();

        var confirmed = await SendAsync(world, HttpMethod.Post, $"/api/possible-matches/{id}/confirm", new { by = "duty.worker" });
        Assert.Equal("confirmed", confirmed.GetProperty("outcome").GetString());

        // Routed as the confirmed client's remand: the Alert Form to HMP Leeds' SMT and its copy to Leeds CJIT, once each.
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));
        Assert.Single(emails, e => e.To.Contains("smt.lei@justice.gov.uk") && e.Subject.StartsWith("Alert Form ", StringComparison.Ordinal));
        Assert.Single(emails, e => e.To.Contains("spoc@leeds-cjit.cjsm.net") && e.Subject.StartsWith("Alert Form ", StringComparison.Ordinal));
        var obligations = await world.Get<ObligationStore>().QueryAsync(new ObligationQuery(), CancellationToken.None);
        var dirToPrison = Assert.Single(obligations, o => o.Obligation.RuleId == RuleIds.CjitDirToPrison);
        Assert.Equal("E2E0001", dirToPrison.ClientId);
        Assert.Equal(Instant.FromUtc(2026, 12, 29, 9, 0), dirToPrison.Obligation.Due);

        // A repeated confirmation routes again, which stores and sends nothing new (deterministic ids, outbox once).
        var again = await SendAsync(world, HttpMethod.Post, $"/api/possible-matches/{id}/confirm", new { by = "duty.worker" });
        Assert.Equal("alreadyConfirmed", again.GetProperty("outcome").GetString());
        Assert.Equal(2, (await world.Maildev.WaitForEmailsAsync(_ => true, expected: 3, TimeSpan.FromSeconds(3))).Count);
        Assert.Equal(obligations.Count, (await world.Get<ObligationStore>().QueryAsync(new ObligationQuery(), CancellationToken.None)).Count);
    }

    private static async Task<JsonElement> SendAsync(HubWorld world, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", "e2e-key");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await world.App.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
