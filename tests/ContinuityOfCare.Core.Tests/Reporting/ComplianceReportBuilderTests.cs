using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Reporting;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Obligations.ObligationState;

namespace ContinuityOfCare.Core.Tests.Reporting;

/// <summary>docs/domain.md "What the guidance measures" / 004 §6 "number and % … within N days": the compliance report's figures.</summary>
public sealed class ComplianceReportBuilderTests
{
    private static readonly Instant From = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2027, 1, 1, 0, 0);
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 10, 12, 0);

    internal static Obligation Make(
        string rule, string owner, Instant started, Instant due, ObligationState state = Open, Instant? closedAt = null, string? id = null) =>
        new(id ?? Guid.NewGuid().ToString("N"), rule, owner, started, due, false, ObligationPriority.Standard, state, closedAt);

    private static Instant Day(int day, int hour = 9) => Instant.FromUtc(2026, 12, day, hour, 0);

    [Fact]
    public void Build_WhatTheGuidanceMeasures_EachOutcomeCountedOnce()
    {
        var obligations = new[]
        {
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(1), Day(2), FulfilledOnTime, Day(2, 8)),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(3), Day(4), FulfilledLate, Day(4, 13)),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(5), Day(6), EscalatedLevel2),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(7), Instant.FromUtc(2027, 2, 1, 9, 0)),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(8), Day(9), Cancelled, Day(8, 12)),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(9), Day(10), Open), // past due, not yet swept: still overdue now
        };

        var report = ComplianceReportBuilder.Build(obligations, From, To, Now);

        Assert.Equal(new ComplianceFigures(6, 1, 1, 2, 1, 1, Duration.FromHours(4)), report.Total);
        Assert.Equal(25.0m, report.Total.OnTimePercent);
        Assert.Equal(4.00m, report.Total.MedianLatenessHours);
    }

    [Fact]
    public void Build_WhatTheGuidanceMeasures_CohortIsOpenedInTheHalfOpenPeriod()
    {
        var obligations = new[]
        {
            Make(RuleIds.SmtKeyworker, "LEI", From - Duration.FromSeconds(1), From + Duration.FromDays(1)),
            Make(RuleIds.SmtKeyworker, "LEI", From, From + Duration.FromDays(1)),
            Make(RuleIds.SmtKeyworker, "LEI", To - Duration.FromSeconds(1), To + Duration.FromDays(1)),
            Make(RuleIds.SmtKeyworker, "LEI", To, To + Duration.FromDays(1)),
        };

        Assert.Equal(2, ComplianceReportBuilder.Build(obligations, From, To, Now).Total.Opened);
    }

    [Fact]
    public void Build_WhatTheGuidanceMeasures_PerRulePerOrganisationAndBothInOrdinalOrder()
    {
        var obligations = new[]
        {
            Make(RuleIds.SmtKeyworker, "LEI", Day(1), Day(2), FulfilledOnTime, Day(1, 12)),
            Make(RuleIds.CjitDirToPrison, "CJIT02", Day(1), Day(2), FulfilledOnTime, Day(1, 12)),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(1), Day(2), FulfilledLate, Day(3)),
            Make(RuleIds.SmtKeyworker, "BMI", Day(1), Day(2)),
            Make(RuleIds.CjitDirToPrison, "CJIT01", Day(2), Day(3), FulfilledOnTime, Day(2, 10)),
        };

        var report = ComplianceReportBuilder.Build(obligations, From, To, Now);

        Assert.Equal([(RuleIds.CjitDirToPrison, 3), (RuleIds.SmtKeyworker, 2)], report.ByRule.Select(r => (r.RuleId!, r.Figures.Opened)));
        Assert.All(report.ByRule, r => Assert.Null(r.OwnerOrganisationId));
        Assert.Equal(["BMI", "CJIT01", "CJIT02", "LEI"], report.ByOrganisation.Select(r => r.OwnerOrganisationId!));
        Assert.All(report.ByOrganisation, r => Assert.Null(r.RuleId));
        Assert.Equal(
            [(RuleIds.CjitDirToPrison, "CJIT01"), (RuleIds.CjitDirToPrison, "CJIT02"), (RuleIds.SmtKeyworker, "BMI"), (RuleIds.SmtKeyworker, "LEI")],
            report.ByRuleAndOrganisation.Select(r => (r.RuleId!, r.OwnerOrganisationId!)));
        var cjit01 = report.ByRuleAndOrganisation[0].Figures;
        Assert.Equal((2, 1, 1), (cjit01.Opened, cjit01.FulfilledOnTime, cjit01.FulfilledLate));
        Assert.Equal(50.0m, cjit01.OnTimePercent);
        Assert.Equal(24.00m, cjit01.MedianLatenessHours);
    }

    public static TheoryData<int[], double?> Medians => new()
    {
        { [], null },
        { [5], 5 },
        { [9, 1, 5], 5 },            // odd: the middle value after sorting
        { [1, 2, 3, 10], 2.5 },      // even: the mean of the two middle values
        { [4, 4], 4 },
        { [60, 1, 30, 2, 7, 100], 18.5 },
    };

    [Theory]
    [MemberData(nameof(Medians))]
    public void Median_WhatTheGuidanceMeasures_OddAndEvenCounts(int[] hours, double? expectedHours)
    {
        var median = ComplianceReportBuilder.Median([.. hours.Select(h => Duration.FromHours(h))]);

        Assert.Equal(expectedHours, median?.TotalHours);
    }

    [Fact]
    public void Build_WhatTheGuidanceMeasures_MedianLatenessOfLateFulfilmentsOnlyEvenCount()
    {
        var obligations = new[]
        {
            Make(RuleIds.SmtCarePlan, "LEI", Day(1), Day(2), FulfilledLate, Day(2) + Duration.FromMinutes(30)),
            Make(RuleIds.SmtCarePlan, "LEI", Day(1), Day(2), FulfilledLate, Day(2) + Duration.FromHours(2)),
            Make(RuleIds.SmtCarePlan, "LEI", Day(1), Day(2), Overdue),
            Make(RuleIds.SmtCarePlan, "LEI", Day(1), Day(2), FulfilledOnTime, Day(1, 10)),
        };

        var figures = ComplianceReportBuilder.Build(obligations, From, To, Now).Total;

        Assert.Equal(Duration.FromMinutes(75), figures.MedianLateness);
        Assert.Equal(1.25m, figures.MedianLatenessHours);
        Assert.Equal(25.0m, figures.OnTimePercent); // 1 on time of 4 with a verdict (2 late, 1 overdue)
    }

    [Fact]
    public void Build_WhatTheGuidanceMeasures_NoVerdictYetMeansNoPercentage()
    {
        var figures = ComplianceReportBuilder.Build(
            [Make(RuleIds.SmtCarePlan, "LEI", Day(1), Now + Duration.FromDays(1)), Make(RuleIds.SmtCarePlan, "LEI", Day(1), Day(2), Cancelled, Day(1))],
            From, To, Now).Total;

        Assert.Null(figures.OnTimePercent);
        Assert.Null(figures.MedianLatenessHours);
        Assert.Equal((2, 1, 1), (figures.Opened, figures.Pending, figures.Cancelled));
    }

    [Fact]
    public void Build_WhatTheGuidanceMeasures_EmptyAndInvertedPeriods()
    {
        var empty = ComplianceReportBuilder.Build([], From, To, Now);
        Assert.Equal(new ComplianceFigures(0, 0, 0, 0, 0, 0, null), empty.Total);
        Assert.Empty(empty.ByRule);
        Assert.Throws<ArgumentException>(() => ComplianceReportBuilder.Build([], To, From, Now));
        Assert.Throws<ArgumentException>(() => ComplianceReportBuilder.Build([], From, From, Now));
    }

    /// <summary>004 §6: every obligation of the cohort has exactly one outcome, and the groupings add up to the total.</summary>
    [Fact]
    public void Build_WhatTheGuidanceMeasures_OutcomesPartitionTheCohortAndGroupsSumToTotal()
    {
        var rules = new[] { RuleIds.CjitDirToPrison, RuleIds.SmtKeyworker, RuleIds.SmtCarePlan };
        var owners = new[] { "LEI", "BMI", "CJIT01" };
        var states = Enum.GetValues<ObligationState>();
        var who = Gen.Zip(Gen.Elements(rules), Gen.Elements(owners), (r, o) => (Rule: r, Owner: o));
        var when = Gen.Zip(Gen.Choose(0, 40 * 24), Gen.Choose(1, 96), (s, d) => (Start: s, Due: d));
        var how = Gen.Zip(Gen.Choose(-48, 96), Gen.Elements(states), (c, st) => (Close: c, State: st));
        var one = Gen.Zip(Gen.Zip(who, when, (w, t) => (w, t)), how, (wt, h) =>
        {
            var started = From - Duration.FromDays(5) + Duration.FromHours(wt.t.Start);
            var due = started + Duration.FromHours(wt.t.Due);
            var closed = due + Duration.FromHours(h.Close);
            var consistent = h.State switch
            {
                FulfilledOnTime => closed <= due ? h.State : FulfilledLate,
                FulfilledLate => closed > due ? h.State : FulfilledOnTime,
                _ => h.State,
            };
            return Make(wt.w.Rule, wt.w.Owner, started, due, consistent, ObligationLifecycle.IsClosed(consistent) ? closed : null);
        });
        var lists = Gen.ListOf(one).Select(l => l.ToList()).ToArbitrary();

        Prop.ForAll(lists, list =>
            {
                var report = ComplianceReportBuilder.Build(list, From, To, Now);
                var t = report.Total;
                static int Sum(IEnumerable<ComplianceRow> rows, Func<ComplianceFigures, int> f) => rows.Sum(r => f(r.Figures));
                return t.Opened == t.FulfilledOnTime + t.FulfilledLate + t.OverdueNow + t.Pending + t.Cancelled
                    && t.Opened == list.Count(o => o.StartedAt >= From && o.StartedAt < To)
                    && Sum(report.ByRule, f => f.Opened) == t.Opened
                    && Sum(report.ByOrganisation, f => f.FulfilledLate) == t.FulfilledLate
                    && Sum(report.ByRuleAndOrganisation, f => f.OverdueNow) == t.OverdueNow
                    && (t.OnTimePercent is null || (t.OnTimePercent >= 0 && t.OnTimePercent <= 100));
            })
            .QuickCheckThrowOnFailure();
    }
}
