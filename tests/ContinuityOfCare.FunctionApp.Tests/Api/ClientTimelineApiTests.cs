using System.Globalization;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary><c>GET /api/clients/{id}/timeline</c>: events, alerts with delivery status, obligations and tasks of one client.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ClientTimelineApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timeline_Remand_ShowsTheEventItsAlertsWithStatusItsObligationAndTasks_OfThisClientOnly()
    {
        await using var smtp = new FakeSmtpGreeter();
        await using var host = await ApiTestHost.StartAsync(azurite, SmtpSettings(smtp.Port));
        var services = host.Services;
        await services.GetRequiredService<DirectoryImporter>().ImportAsync("spoc.csv", DirectoryFiles.Valid, force: false, CancellationToken.None);
        var client = Client(ApiTestHost.NewId("C"));
        var other = Client(ApiTestHost.NewId("C"));
        await services.GetRequiredService<ClientRegisterStore>().UpsertAsync([client, other], CancellationToken.None);
        var now = ApiTestHost.Now;
        var remand = new CareEvent(ApiTestHost.NewId("E"), EventKind.RemandedOrSentencedToPrison, client.Id, new SourceRef("court-results.csv", 3),
            now - Duration.FromHours(2), "000 Part 1", PrisonCode: "LEI");
        var otherEvent = remand with { Id = ApiTestHost.NewId("E"), ClientId = other.Id };
        await services.GetRequiredService<EventStore>().AddAllAsync([remand, otherEvent], CancellationToken.None);
        // The Alert Forms exactly as the route step plans them, stored in the outbox.
        var directory = (await services.GetRequiredService<DirectoryStore>().LoadLiveAsync(CancellationToken.None)).Live!;
        var planned = new AlertRouter(new DirectoryRoutes(directory), new SecureMailPolicy(["cjsm.net", "gov.uk"]), now)
            .Route(remand, client, new Dictionary<string, AlertRequest>()).Alerts;
        var outbox = services.GetRequiredService<AlertOutbox>();
        foreach (var alert in planned)
        {
            await outbox.EnqueueAsync(alert.Form, CancellationToken.None);
        }

        var obligation = await host.OpenObligationAsync(DeterministicIds.Obligation(RuleIds.CjitDirToPrison, remand.Id), RuleIds.CjitDirToPrison,
            "CJIT-LDS", now + Duration.FromDays(1), clientId: client.Id, eventId: remand.Id);
        await host.OpenObligationAsync(DeterministicIds.Obligation(RuleIds.CjitDirToPrison, otherEvent.Id), RuleIds.CjitDirToPrison,
            "CJIT-LDS", now + Duration.FromDays(1), clientId: other.Id, eventId: otherEvent.Id);
        await services.GetRequiredService<TaskStore>().AddAsync(HubTaskKinds.ConsentMissing, "CJIT-LDS", client.Id,
            "consent not recorded for sharing with PROBATION", remand.Id, now, CancellationToken.None);

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, $"/api/clients/{client.Id}/timeline");

        Assert.Equal(200, status);
        Assert.Equal(client.Id, body.GetProperty("clientId").GetString());
        var timelineEvent = Assert.Single(body.GetProperty("events").EnumerateArray());
        Assert.Equal(remand.Id, timelineEvent.GetProperty("id").GetString());
        Assert.Equal("remandedOrSentencedToPrison", timelineEvent.GetProperty("kind").GetString());
        Assert.Equal(2, planned.Count);
        var alerts = body.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(planned.Select(a => a.Form.Id).Order(StringComparer.Ordinal), alerts.Select(a => a.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal("pending", a.GetProperty("status").GetString()));
        Assert.All(alerts, a => Assert.Equal("unknown", a.GetProperty("delivery").GetString()));
        Assert.All(alerts, a => Assert.Equal(0, a.GetProperty("repeats").GetInt32()));
        Assert.Equal(["CJIT-LDS", "LEI"], alerts.Select(a => a.GetProperty("recipientOrgCode").GetString()).Order(StringComparer.Ordinal));
        var listed = Assert.Single(body.GetProperty("obligations").EnumerateArray());
        Assert.Equal(obligation.Id, listed.GetProperty("id").GetString());
        Assert.Equal("open", listed.GetProperty("status").GetString());
        var task = Assert.Single(body.GetProperty("tasks").EnumerateArray());
        Assert.Equal(HubTaskKinds.ConsentMissing, task.GetProperty("kind").GetString());
        Assert.Equal(directory.Version, body.GetProperty("alertsFoundWithDirectoryVersion").GetInt32());
        // Ids and codes only: the client's particulars never appear.
        Assert.DoesNotContain("Smith", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Timeline_UnknownClient_Answers404Problem()
    {
        await using var smtp = new FakeSmtpGreeter();
        await using var host = await ApiTestHost.StartAsync(azurite, SmtpSettings(smtp.Port));

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/api/clients/no-such-client/timeline");

        Assert.Equal(404, status);
        ApiProblemAssert.IsProblem(body, 404);
    }

    private static Client Client(string id) => new(
        id, "Smith", "John", new LocalDate(1980, 1, 1), null, null, null, null, "LS1 1AA", "CJIT-LDS", null, null,
        new Consent(true, new HashSet<OrgType> { OrgType.Cjit, OrgType.PrisonSmt }, new LocalDate(2026, 1, 5)), null, false);

    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:RequireStartTls"] = "false",
        ["Mail:Smtp:SenderAddress"] = "hub@hub.cjsm.net",
        ["Mail:Outbox:AlertsTable"] = "alerts" + Guid.NewGuid().ToString("N")[..10],
        ["Mail:Outbox:DirectoryFlagsTable"] = "flags" + Guid.NewGuid().ToString("N")[..10],
    };
}
