using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.FunctionApp.State;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>Inbox → Ingest → Route → outbox → Send against Azurite and maildev, the hub in local host mode (issue 6 "Tests").</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PipelineEndToEndTests
{
    private static readonly Instant ChristmasEve1600 = Instant.FromUtc(2026, 12, 24, 16, 0);

    [Fact]
    public async Task Part1_ConsentingClientRemandedChristmasEve_OneAlertFormToTheSmtAndCopyToHomeCjit_DirToPrisonDueTuesday0900()
    {
        await using var world = await HubWorld.StartAsync(ChristmasEve1600);
        await world.LoadReferenceDataAsync();

        var sha = await world.DropAsync(InboxContainers.CourtResults, "court-results_2026-12-24.csv", E2eFiles.ConsentingRemand);
        using var report = await world.WaitForRouteReportAsync(sha);

        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, emails.Count);
        var toSmt = Assert.Single(emails, e => e.To.Contains("smt.lei@justice.gov.uk"));
        var toCjit = Assert.Single(emails, e => e.To.Contains("spoc@leeds-cjit.cjsm.net"));
        Assert.StartsWith("Alert Form CC-2026-", toSmt.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Alert Form CC-2026-", toCjit.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Ashdown", toSmt.Subject, StringComparison.OrdinalIgnoreCase);

        // 000 Part 1 and domain.md's worked example: Thu 24 Dec 2026 16:00 → Tue 29 Dec 2026 09:00 Europe/London.
        var obligationId = HubWorld.ObligationId(report, RuleIds.CjitDirToPrison);
        var stored = await world.Get<ObligationStore>().GetAsync(obligationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Instant.FromUtc(2026, 12, 29, 9, 0), stored.Obligation.Due);
        Assert.Equal("LDSCJ", stored.Obligation.OwnerOrganisationId);
        Assert.Equal("E2E0001", stored.ClientId);
    }
}
