using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Tests.Time;
using ContinuityOfCare.Core.Time;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Obligations;

/// <summary>docs/domain.md "Escalation": once per level, in order, grace in working days, fulfilment stops the ladder.</summary>
public sealed class EscalationLadderTests
{
    private static readonly WorkingCalendar Calendar = EnglandAndWales2025To2028;
    private static readonly EscalationPolicy Policy = EscalationPolicy.Default;

    private static Obligation DueAt(string local, ObligationState state = ObligationState.Open) =>
        new("o-1", RuleIds.CjitDirToPrison, "CJIT-LEEDS", London(local) - Duration.FromHours(24), London(local), false,
            ObligationPriority.Standard, state);

    private static EscalationDecision Decide(Obligation obligation, string now, params EscalationRecord[] history) =>
        EscalationLadder.Decide(obligation, history, London(now), Calendar, Policy);

    [Fact]
    public void Decide_DomainEscalation_NothingUntilPastTheDueInstant()
    {
        var obligation = DueAt("2026-12-14T09:00");

        Assert.False(Decide(obligation, "2026-12-14T08:59").ShouldEscalate);
        Assert.False(EscalationLadder.Decide(obligation, [], obligation.Due, Calendar, Policy).ShouldEscalate);

        var decision = EscalationLadder.Decide(obligation, [], obligation.Due + Duration.Epsilon, Calendar, Policy);
        Assert.Equal(1, decision.Level);
        Assert.Equal(obligation.Due, decision.DueSince);
    }

    [Fact]
    public void Decide_DomainEscalation_Level2AfterOneWorkingDayOfGrace()
    {
        var obligation = DueAt("2026-12-14T09:00", ObligationState.EscalatedLevel1);
        var level1 = new EscalationRecord(1, London("2026-12-14T10:00"));

        // Level 1 sent Monday: the grace is the end of Tuesday (the 1st working day after Monday).
        Assert.False(Decide(obligation, "2026-12-15T23:59", level1).ShouldEscalate);
        var decision = Decide(obligation, "2026-12-16T00:00", level1);

        Assert.Equal(2, decision.Level);
        Assert.Equal(Offset("2026-12-15T23:59:59+00:00"), decision.DueSince);
        Assert.Equal(London("2026-12-16T00:00") - obligation.Due, decision.Lateness);
    }

    [Fact]
    public void Decide_DomainEscalation_GraceSkipsChristmasAndBoxingDaySubstitute()
    {
        var obligation = DueAt("2026-12-24T09:00", ObligationState.EscalatedLevel1);
        var level1 = new EscalationRecord(1, London("2026-12-24T10:00"));

        Assert.False(Decide(obligation, "2026-12-28T12:00", level1).ShouldEscalate);
        Assert.False(Decide(obligation, "2026-12-29T23:00", level1).ShouldEscalate);
        Assert.Equal(2, Decide(obligation, "2026-12-30T00:00", level1).Level);
    }

    [Fact]
    public void Decide_DomainEscalation_Level3ToTheRegionalTeamAfterLevel2Grace()
    {
        var obligation = DueAt("2026-12-09T09:00", ObligationState.EscalatedLevel2);
        EscalationRecord[] history = [new(1, London("2026-12-09T10:00")), new(2, London("2026-12-11T07:00"))];

        // Level 2 sent Friday: grace to the end of Monday.
        Assert.False(Decide(obligation, "2026-12-14T12:00", history).ShouldEscalate);
        var decision = Decide(obligation, "2026-12-15T00:00", history);

        Assert.Equal(3, decision.Level);
        Assert.Contains("regional team", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DomainEscalation_EachLevelOnceEver()
    {
        var obligation = DueAt("2026-12-09T09:00", ObligationState.EscalatedLevel3);
        EscalationRecord[] history = [new(1, London("2026-12-09T10:00")), new(2, London("2026-12-11T07:00")), new(3, London("2026-12-15T07:00"))];

        Assert.False(Decide(obligation, "2027-06-01T12:00", history).ShouldEscalate);
    }

    [Fact]
    public void Decide_DomainEscalation_RepeatedHistoryDoesNotResend()
    {
        var obligation = DueAt("2026-12-14T09:00", ObligationState.EscalatedLevel1);
        EscalationRecord[] history = [new(1, London("2026-12-14T10:00")), new(1, London("2026-12-14T11:00"))];

        Assert.Equal(2, Decide(obligation, "2026-12-16T00:00", history).Level);
        Assert.False(Decide(obligation, "2026-12-15T12:00", history).ShouldEscalate);
    }

    [Theory]
    [InlineData(ObligationState.FulfilledOnTime)]
    [InlineData(ObligationState.FulfilledLate)]
    [InlineData(ObligationState.Cancelled)]
    public void Decide_DomainEscalation_FulfilmentOrCancellationStopsTheLadder(ObligationState closed)
    {
        var obligation = DueAt("2026-12-14T09:00", closed);

        Assert.False(Decide(obligation, "2026-12-20T09:00", new EscalationRecord(1, London("2026-12-14T10:00"))).ShouldEscalate);
    }

    [Fact]
    public void Decide_DomainEscalation_NowIsTheCallersArgument()
    {
        var obligation = DueAt("2026-12-14T09:00");
        var ladder = new EscalationLadder(Calendar, Policy);

        Assert.False(ladder.Decide(obligation, [], London("2026-12-14T08:00")).ShouldEscalate);
        Assert.Equal(1, ladder.Decide(obligation, [], London("2026-12-14T10:00")).Level);
    }

    public static TheoryData<string, int, string?> NextDecisions => new()
    {
        // Before level 1: a second after the due instant.
        { "2026-12-14T09:00", 0, "2026-12-14T09:00:01" },
        // Level 1 sent Mon 14 Dec 10:00: one working day of grace ends Tue 15 Dec 23:59:59.
        { "2026-12-14T09:00", 1, "2026-12-16T00:00:00" },
        // Level 3 sent: nothing more.
        { "2026-12-14T09:00", 3, null },
    };

    /// <summary>The next decision instant is the first instant Decide escalates: one second earlier it does not.</summary>
    [Theory]
    [MemberData(nameof(NextDecisions))]
    public void NextDecisionAt_DomainEscalation_IsTheFirstInstantDecideEscalates(string due, int sentLevels, string? expected)
    {
        var obligation = DueAt(due);
        var history = Enumerable.Range(1, sentLevels).Select(level => new EscalationRecord(level, London("2026-12-14T10:00"))).ToList();

        var next = EscalationLadder.NextDecisionAt(obligation, history, Calendar, Policy);

        if (expected is null)
        {
            Assert.Null(next);
            return;
        }

        Assert.Equal(London(expected), next);
        Assert.True(EscalationLadder.Decide(obligation, history, next!.Value, Calendar, Policy).ShouldEscalate);
        Assert.False(EscalationLadder.Decide(obligation, history, next.Value - Duration.FromSeconds(1), Calendar, Policy).ShouldEscalate);
    }

    [Fact]
    public void Policy_DomainEscalation_GraceBelowOneIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscalationPolicy(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EscalationPolicy(1, -1));
    }

    /// <summary>
    /// docs/domain.md "Escalation" as a property: a sweep at random instants applying each decision — levels go out in order,
    /// each at most once, never before the due instant and never after fulfilment.
    /// </summary>
    [Fact]
    public void Sweep_DomainEscalation_EachLevelAtMostOnceInOrderNeverAfterFulfilment()
    {
        var origin = London("2026-01-05T00:00");
        var scenarios =
            (from due in Gen.Choose(0, 60 * 24 * 600)                             // due, minutes after origin
             from sweeps in Gen.ListOf(Gen.Choose(0, 60 * 24 * 30))               // sweep times, minutes after due − 2 days
             from fulfil in Gen.OneOf(Gen.Constant(-1), Gen.Choose(0, 60 * 24 * 30)) // fulfilment, or never (-1)
             select (due, sweeps, fulfil))
            .ToArbitrary();

        Prop.ForAll(scenarios, scenario =>
            {
                var due = origin + Duration.FromMinutes(scenario.due);
                var obligation = new Obligation("o", RuleIds.SmtKeyworker, "LEI-SMT", due - Duration.FromHours(24), due, false, ObligationPriority.Ppo);
                var sweepStart = due - Duration.FromDays(2);
                Instant? fulfilledAt = scenario.fulfil < 0 ? null : sweepStart + Duration.FromMinutes(scenario.fulfil);
                var history = new List<EscalationRecord>();
                foreach (var now in scenario.sweeps.Select(m => sweepStart + Duration.FromMinutes(m)).Order())
                {
                    if (fulfilledAt is { } at && at <= now && !obligation.IsClosed)
                    {
                        obligation = obligation.Fulfil(at);
                    }

                    var decision = EscalationLadder.Decide(obligation, history, now, Calendar, Policy);
                    if (decision.Level is { } level)
                    {
                        if (obligation.State == ObligationState.Open)
                        {
                            obligation = obligation.MarkOverdue(now);
                        }

                        obligation = obligation.Escalate(level); // throws on an out-of-order or repeated level
                        history.Add(new EscalationRecord(level, now));
                    }
                }

                var levels = history.Select(h => h.Level).ToList();
                return levels.SequenceEqual(Enumerable.Range(1, levels.Count))
                    && history.All(h => h.SentAt > due)
                    && history.All(h => fulfilledAt is null || h.SentAt < fulfilledAt);
            })
            .QuickCheckThrowOnFailure();
    }
}
