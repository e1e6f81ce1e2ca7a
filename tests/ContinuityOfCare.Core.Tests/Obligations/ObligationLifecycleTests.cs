using ContinuityOfCare.Core.Obligations;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Obligations.ObligationState;

namespace ContinuityOfCare.Core.Tests.Obligations;

/// <summary>docs/domain.md "Obligations and their deadlines", "Escalation": open → fulfilled | cancelled | overdue → escalated 1/2/3.</summary>
public sealed class ObligationLifecycleTests
{
    private static readonly Instant Due = Instant.FromUtc(2026, 12, 14, 9, 0);

    public static TheoryData<ObligationState, ObligationState> Legal => new()
    {
        { Open, FulfilledOnTime }, { Open, FulfilledLate }, { Open, Cancelled }, { Open, Overdue },
        { Overdue, EscalatedLevel1 }, { Overdue, FulfilledLate }, { Overdue, FulfilledOnTime }, { Overdue, Cancelled },
        { EscalatedLevel1, EscalatedLevel2 }, { EscalatedLevel1, FulfilledLate }, { EscalatedLevel1, Cancelled },
        { EscalatedLevel2, EscalatedLevel3 }, { EscalatedLevel2, FulfilledLate }, { EscalatedLevel2, Cancelled },
        { EscalatedLevel3, FulfilledLate }, { EscalatedLevel3, Cancelled },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void Move_DomainLifecycle_LegalMoves(ObligationState from, ObligationState to)
    {
        Assert.Equal(to, ObligationLifecycle.Move(from, to));
    }

    public static TheoryData<ObligationState, ObligationState> Illegal => new()
    {
        { FulfilledOnTime, Cancelled }, { FulfilledOnTime, FulfilledLate }, { FulfilledLate, Overdue },
        { Cancelled, FulfilledOnTime }, { Cancelled, Open }, { Cancelled, EscalatedLevel1 },
        { Open, EscalatedLevel1 }, { Open, Open }, { Overdue, Open }, { Overdue, EscalatedLevel2 }, { Overdue, Overdue },
        { EscalatedLevel1, EscalatedLevel3 }, { EscalatedLevel1, EscalatedLevel1 }, { EscalatedLevel2, EscalatedLevel1 },
        { EscalatedLevel3, EscalatedLevel3 }, { EscalatedLevel3, Overdue }, { FulfilledLate, FulfilledLate },
    };

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Move_DomainLifecycle_IllegalMovesThrow(ObligationState from, ObligationState to)
    {
        var error = Assert.Throws<InvalidObligationTransitionException>(() => ObligationLifecycle.Move(from, to));

        Assert.Equal(from, error.From);
        Assert.Equal(to, error.To);
        Assert.False(ObligationLifecycle.CanMove(from, to));
    }

    [Fact]
    public void Move_DomainLifecycle_EveryPairEitherMovesOrThrows()
    {
        foreach (var from in Enum.GetValues<ObligationState>())
        {
            foreach (var to in Enum.GetValues<ObligationState>())
            {
                if (ObligationLifecycle.CanMove(from, to))
                {
                    Assert.False(ObligationLifecycle.IsClosed(from));
                    Assert.Equal(to, ObligationLifecycle.Move(from, to));
                }
                else
                {
                    Assert.Throws<InvalidObligationTransitionException>(() => ObligationLifecycle.Move(from, to));
                }
            }
        }
    }

    [Fact]
    public void Fulfil_DomainLifecycle_OnTimeAtOrBeforeDueLateAfter()
    {
        Assert.Equal(FulfilledOnTime, ObligationLifecycle.Fulfil(Open, Due, Due));
        Assert.Equal(FulfilledOnTime, ObligationLifecycle.Fulfil(Open, Due - Duration.FromHours(1), Due));
        Assert.Equal(FulfilledLate, ObligationLifecycle.Fulfil(Open, Due + Duration.Epsilon, Due));
        Assert.Equal(FulfilledLate, ObligationLifecycle.Fulfil(EscalatedLevel2, Due + Duration.FromDays(3), Due));
        Assert.Throws<InvalidObligationTransitionException>(() => ObligationLifecycle.Fulfil(Cancelled, Due, Due));
    }

    [Fact]
    public void MarkOverdue_DomainEscalation_OnlyPastTheDueInstant()
    {
        Assert.Throws<InvalidObligationTransitionException>(() => ObligationLifecycle.MarkOverdue(Open, Due, Due));
        Assert.Equal(Overdue, ObligationLifecycle.MarkOverdue(Open, Due + Duration.Epsilon, Due));
        Assert.Throws<InvalidObligationTransitionException>(() => ObligationLifecycle.MarkOverdue(FulfilledOnTime, Due + Duration.FromHours(1), Due));
    }

    [Fact]
    public void Escalate_DomainEscalation_LevelsInOrderOnlyOneToThree()
    {
        Assert.Equal(EscalatedLevel1, ObligationLifecycle.Escalate(Overdue, 1));
        Assert.Equal(EscalatedLevel2, ObligationLifecycle.Escalate(EscalatedLevel1, 2));
        Assert.Equal(EscalatedLevel3, ObligationLifecycle.Escalate(EscalatedLevel2, 3));
        Assert.Throws<InvalidObligationTransitionException>(() => ObligationLifecycle.Escalate(EscalatedLevel1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ObligationLifecycle.Escalate(EscalatedLevel3, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ObligationLifecycle.Escalate(Overdue, 0));
    }

    [Fact]
    public void Obligation_DomainLifecycle_TransitionsReturnCopies()
    {
        var open = new Obligation("o-1", RuleIds.SmtKeyworker, "LEI-SMT", Due - Duration.FromHours(24), Due, false, ObligationPriority.Standard);

        var overdue = open.MarkOverdue(Due + Duration.FromMinutes(1));
        var escalated = overdue.Escalate(1);
        var fulfilled = escalated.Fulfil(Due + Duration.FromHours(5));

        Assert.Equal(Open, open.State);
        Assert.Equal(Overdue, overdue.State);
        Assert.Equal(FulfilledLate, fulfilled.State);
        Assert.Equal(Due + Duration.FromHours(5), fulfilled.ClosedAt);
        Assert.True(fulfilled.IsClosed);
        Assert.Throws<InvalidObligationTransitionException>(() => fulfilled.Cancel(Due + Duration.FromHours(6)));
        Assert.Equal(Duration.FromHours(2), open.LatenessAt(Due + Duration.FromHours(2)));
        Assert.Equal(Duration.Zero, open.LatenessAt(Due - Duration.FromHours(2)));
    }

    /// <summary>000 §PP2 note, §PP5: PPO clients' obligations come first, then the earliest due.</summary>
    [Fact]
    public void PriorityOrder_000PP2NotePP5_PpoFirstThenEarliestDue()
    {
        Obligation Make(string id, ObligationPriority priority, int dueHour) =>
            new(id, RuleIds.SmtKeyworker, "LEI-SMT", Due, Due + Duration.FromHours(dueHour), false, priority);
        var list = new List<Obligation>
        {
            Make("a", ObligationPriority.Standard, 1), Make("b", ObligationPriority.Ppo, 5),
            Make("c", ObligationPriority.Standard, 0), Make("d", ObligationPriority.Ppo, 2),
        };

        list.Sort(Obligation.PriorityOrder);

        Assert.Equal(["d", "b", "c", "a"], list.Select(o => o.Id));
    }

    public static TheoryData<ObligationState, int, bool, ObligationState?> EscalationRecords => new()
    {
        // An Open obligation past due passes through Overdue to level 1; one not past due cannot escalate.
        { Open, 1, true, EscalatedLevel1 }, { Open, 1, false, null }, { Open, 2, true, null },
        { Overdue, 1, true, EscalatedLevel1 }, { Overdue, 2, true, null },
        { EscalatedLevel1, 2, true, EscalatedLevel2 }, { EscalatedLevel1, 1, true, null }, { EscalatedLevel1, 3, true, null },
        { EscalatedLevel2, 3, true, EscalatedLevel3 }, { EscalatedLevel3, 3, true, null },
        { FulfilledLate, 1, true, null }, { Cancelled, 2, true, null }, { FulfilledOnTime, 3, true, null },
    };

    [Theory]
    [MemberData(nameof(EscalationRecords))]
    public void AfterEscalation_DomainEscalation_LevelsInOrderThroughOverdue(ObligationState from, int level, bool pastDue, ObligationState? expected)
    {
        var sentAt = pastDue ? Due + Duration.FromMinutes(1) : Due;

        Assert.Equal(expected, ObligationLifecycle.AfterEscalation(from, level, sentAt, Due));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AfterEscalation_DomainEscalation_OnlyLevelsOneToThree(int level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ObligationLifecycle.AfterEscalation(Overdue, level, Due + Duration.FromHours(1), Due));
    }

    /// <summary>
    /// The invariant behind recording an escalation: it is legal exactly when the obligation is not closed, the level is
    /// the next one after what the state records, and an Open obligation is already past due.
    /// </summary>
    [Fact]
    public void AfterEscalation_DomainEscalation_LegalExactlyForTheNextLevelOfAnUnclosedObligation() =>
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<ObligationState>()).ToArbitrary(),
            Gen.Choose(1, 3).ToArbitrary(),
            Gen.Choose(-120, 120).ToArbitrary(),
            (from, level, minutesAfterDue) =>
            {
                var sentAt = Due + Duration.FromMinutes(minutesAfterDue);
                var legal = !ObligationLifecycle.IsClosed(from)
                    && level == ObligationLifecycle.EscalationLevelOf(from) + 1
                    && (from != Open || sentAt > Due);
                var after = ObligationLifecycle.AfterEscalation(from, level, sentAt, Due);
                return legal ? after == ObligationLifecycle.EscalatedTo(level) : after is null;
            })
        .QuickCheckThrowOnFailure();
}
