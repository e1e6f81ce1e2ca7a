using System.Text;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>The missing-feed alarm against real ingested files (docs/operations.md "Missing feeds").</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FeedAlarmEndToEndTests
{
    [Fact]
    public async Task MissingFeedAlarm_NoCourtListByTheCutOff_AndAPrisonWithoutYesterdaysExport_OneNoticeEach_OncePerDay()
    {
        // Tue 29 Dec 2026 11:00 Europe/London: a working day, past the 10:00 cut-offs.
        const string operatorAddress = "hub-operator@continuity-hub.gov.uk";
        await using var world = await HubWorld.StartAsync(
            Instant.FromUtc(2026, 12, 29, 11, 0), new Dictionary<string, string?> { ["Mail:Outbox:OperatorAddress"] = operatorAddress });
        await world.LoadReferenceDataAsync();
        var export = Encoding.UTF8.GetBytes(E2eFiles.DischargeHeader + "\r\nLEI,C3456DE,Carrow,Dean,1990-07-21,,2026-12-28,09:00,REL,CR,OUT,2026-12-28\r\n");
        var sha = await world.DropAsync(InboxContainers.Discharges, "LEI_2026-12-28.csv", export);
        await world.WaitForRouteReportAsync(sha);

        // 000 Part 1, §PP13 (court lists) and 000 Annex D (HMP Leeds reported for 28 Dec; HMP Wakefield did not).
        var raised = await world.Get<FeedWatch>().CheckAsync(CancellationToken.None);
        Assert.Contains(raised, n => n.Kind == FeedNoticeKind.MissingCourtList);
        Assert.Contains(raised, n => n.Kind == FeedNoticeKind.MissingDischargeExport && n.PrisonCode == "WDI");
        Assert.DoesNotContain(raised, n => n.PrisonCode == "LEI");

        // Once per feed per day: a second check (the timer fires every half hour) raises nothing new.
        Assert.Empty(await world.Get<FeedWatch>().CheckAsync(CancellationToken.None));
        var stored = await world.Get<NoticeStore>().ListAsync(new LocalDate(2026, 12, 28), new LocalDate(2026, 12, 29), CancellationToken.None);
        Assert.Equal(raised.Count, stored.Count);

        // One notice channel (docs/email.md "Operator notices"): each new notice was emailed to the operator through
        // the outbox, once — the second check sent nothing more.
        var emails = await world.Maildev.WaitForEmailsAsync(e => e.To.Contains(operatorAddress), expected: raised.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(raised.Count, emails.Count);
        Assert.All(emails, e => Assert.Equal("Operator notice: hub notice", e.Subject));
        Assert.Single(emails, e => e.Text!.Contains("MissingCourtList", StringComparison.Ordinal));
    }
}
