using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Obligations;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Obligations;

/// <summary>docs/domain.md "Obligations and their deadlines": the catalogue's event → obligation table, row by row.</summary>
public sealed class ObligationTriggerTests
{
    private static readonly ObligationCatalogue Catalogue = ObligationCatalogue.Default;

    private static CareEvent Event(EventKind kind, string? detail = null, string? toPrison = null) =>
        new("e1", kind, "c1", new SourceRef("f.csv", 2), Instant.FromUtc(2026, 12, 1, 10, 0), "000 §PP1",
            PrisonCode: "LEI", ToPrisonCode: toPrison, Detail: detail);

    public static TheoryData<EventKind, string?, string?, string[]> Table => new()
    {
        {
            EventKind.RemandedOrSentencedToPrison, "REMANDED_IN_CUSTODY", null,
            [RuleIds.CjitDirToPrison, RuleIds.SmtClinicalAssessment, RuleIds.SmtKeyworker, RuleIds.SmtNewDirIfNone,
                RuleIds.SmtTriageAssessment, RuleIds.SmtCarePlan, RuleIds.SmtRemandDirUpdate]
        },
        {
            EventKind.RemandedOrSentencedToPrison, "SENTENCED_TO_CUSTODY", null,
            [RuleIds.CjitDirToPrison, RuleIds.SmtClinicalAssessment, RuleIds.SmtKeyworker, RuleIds.SmtNewDirIfNone,
                RuleIds.SmtTriageAssessment, RuleIds.SmtCarePlan, RuleIds.ProbationPsrToPrison]
        },
        {
            EventKind.TransferredBetweenPrisons, "INT", "HMI",
            [RuleIds.SmtTransferNotice, RuleIds.SmtActivityClose, RuleIds.SmtClinicalAssessment, RuleIds.SmtKeyworker,
                RuleIds.SmtTriageAssessment, RuleIds.SmtCarePlan]
        },
        { EventKind.ReleasedToCommunity, "CR", null, [RuleIds.CjitPostReleaseContact, RuleIds.SmtActivityClose] },
        { EventKind.ReleasedFromCourt, "BAIL", null, [RuleIds.CjitReleasedFromCourt, RuleIds.SmtNonReturnClose] },
        { EventKind.NotReturnedFromCourt, null, "HMI", [RuleIds.SmtNonReturnClose] },
        { EventKind.NotReturnedFromCourt, null, null, [] },
        { EventKind.Died, "DEC", null, [RuleIds.SmtActivityClose] },
        { EventKind.ReleasedToHospital, "HP", null, [RuleIds.SmtActivityClose] },
        { EventKind.Deported, "DE", null, [RuleIds.SmtActivityClose] },
        { EventKind.Absconded, "UAL", null, [RuleIds.SmtActivityClose] },
        { EventKind.ReleaseDateKnown, null, null, [RuleIds.SmtReleasePlanning] },
        { EventKind.ListedForHearing, "IN_CUSTODY", null, [] },
        { EventKind.SentToCourt, "CRT", null, [] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Opens_EventObligationTable_OpensTheseRulesInThisOrder(EventKind kind, string? detail, string? toPrison, string[] expected)
    {
        var opened = Catalogue.Opens(Event(kind, detail, toPrison)).Select(o => o.Rule.Id).ToArray();

        Assert.Equal(expected, opened);
    }

    [Fact]
    public void Triggers_000Part1_OnlyTheDirCountsFromWhenTheHubLearned()
    {
        var fromLearning = Catalogue.Triggers.Where(t => t.Start == DeadlineStart.HubLearned).ToList();

        Assert.Equal([RuleIds.CjitDirToPrison], fromLearning.Select(t => t.RuleId));
    }

    public static TheoryData<ObligationTrigger> EveryTrigger()
    {
        var data = new TheoryData<ObligationTrigger>();
        foreach (var trigger in ObligationCatalogue.Default.Triggers)
        {
            data.Add(trigger);
        }

        return data;
    }

    /// <summary>The trigger's owner agrees with the rule's owner column: the table and the prose cannot drift apart.</summary>
    [Theory]
    [MemberData(nameof(EveryTrigger))]
    public void Triggers_OwnerAgreesWithTheRulesOwnerRole(ObligationTrigger trigger)
    {
        var role = Catalogue[trigger.RuleId].OwnerRole;

        var agrees = trigger.Owner switch
        {
            ObligationOwner.HomeCjit => role == OwnerRole.HomeCjit,
            ObligationOwner.EventPrison => role is OwnerRole.PrisonSmt or OwnerRole.SendingSmt,
            ObligationOwner.ReceivingPrison => role == OwnerRole.PrisonSmt,
            ObligationOwner.Probation => role == OwnerRole.Probation,
            _ => false,
        };
        Assert.True(agrees, $"{trigger.RuleId}: trigger owner {trigger.Owner} vs rule owner {role}");
    }

    [Fact]
    public void Triggers_EveryRuleOpenedByAnEventHasATrigger()
    {
        // Opened by a request, not by a detected event: a missing CARAT file, a changed release plan.
        string[] openedByRequest = [RuleIds.SmtCaratFile, RuleIds.AnyReleasePlanChange];

        var triggered = Catalogue.Triggers.Select(t => t.RuleId).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(RuleIds.All.Except(openedByRequest), RuleIds.All.Where(triggered.Contains));
    }
}
