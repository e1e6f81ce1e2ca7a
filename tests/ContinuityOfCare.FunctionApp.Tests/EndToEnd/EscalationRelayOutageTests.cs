using System.Globalization;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// An escalation level whose email meets a relay that is down waits for the relay like an Alert Form in the outbox
/// (docs/pipeline.md "Obligations as orchestrations"): no "undelivered" notice, sent once when the relay is back, with
/// no "may repeat" notice (nothing was handed over before).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EscalationRelayOutageTests
{
    [Fact]
    public async Task Escalation_RelayDown_WaitsWithoutANotice_ThenSentOnceWhenTheRelayIsBack()
    {
        var relayDown = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["Mail:Resilience:MaxRetryAttempts"] = "0",
        };
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0), relayDown);
        await world.LoadReferenceDataAsync();
        var sha = await world.DropAsync(InboxContainers.CourtResults, "results.csv", E2eFiles.ConsentingRemand);
        using var report = await world.WaitForRouteReportAsync(sha);
        var obligationId = HubWorld.ObligationId(report, RuleIds.CjitDirToPrison);

        // Past the deadline (Tue 29 Dec 09:00) with the relay refusing connections: level 1 is recorded and waits.
        world.Clock.Reset(Instant.FromUtc(2026, 12, 29, 9, 30));
        var first = await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None);
        var waiting = await world.Get<ObligationStore>().GetEscalationDeliveryAsync(obligationId, 1, CancellationToken.None);
        var noticesWhileDown = await NoticeKindsAsync(world);

        Assert.Equal("DeliveryUnconfirmed", first);
        Assert.Equal(EscalationDelivery.Waiting, waiting?.State);
        Assert.DoesNotContain("EscalationUndelivered", noticesWhileDown);

        // The relay is back (the hub restarted on maildev): the level's orchestration, started again by start-up
        // reconciliation, asks again and the waiting email goes out — once.
        await world.RestartAsync();
        static bool Level1(MaildevEmail e) => e.Subject.StartsWith("Overdue (level 1): cjit.dir-to-prison", StringComparison.Ordinal);
        var sent = await world.Maildev.WaitForEmailsAsync(Level1, expected: 1, TimeSpan.FromSeconds(60));
        Assert.Equal("spoc@leeds-cjit.cjsm.net", Assert.Single(sent).To.Single());
        var delivered = await Eventually.GetAsync(async () =>
            await world.Get<ObligationStore>().GetEscalationDeliveryAsync(obligationId, 1, CancellationToken.None) is { State: EscalationDelivery.Sent } d ? d : null,
            "the level recorded as sent");

        Assert.Equal("AlreadyEscalated", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));
        Assert.Equal(2, delivered.Attempts);
        Assert.Single(await world.Maildev.WaitForEmailsAsync(Level1, expected: 2, TimeSpan.FromSeconds(2)));
        var notices = await NoticeKindsAsync(world);
        Assert.DoesNotContain("EscalationUndelivered", notices);
        Assert.DoesNotContain("EscalationRepeated", notices);
    }

    private static async Task<IReadOnlyList<string>> NoticeKindsAsync(HubWorld world) =>
        [.. (await world.Get<HubState>().Notices.ListAsync(new LocalDate(2026, 12, 1), new LocalDate(2027, 1, 31), CancellationToken.None)).Select(n => n.Kind)];

    /// <summary>A loopback port nothing listens on: connections are refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
