using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Obligations;

/// <summary>docs/domain.md "Obligations and their deadlines": the catalogue is complete and carries the table's defaults and sources.</summary>
public sealed class ObligationCatalogueTests
{
    public static TheoryData<string, OwnerRole, DeadlineRule, string> Table => new()
    {
        { "cjit.dir-to-prison", OwnerRole.HomeCjit, DeadlineRule.TwentyFourHourRule.Standard, "000 Part 1" },
        { "smt.clinical-assessment", OwnerRole.PrisonSmt, new DeadlineRule.HoursAfter(24), "000 §PP2, §PP4" },
        { "smt.keyworker", OwnerRole.PrisonSmt, new DeadlineRule.HoursAfter(24), "000 §PP4 \"Day 1\"" },
        { "smt.new-dir-if-none", OwnerRole.PrisonSmt, new DeadlineRule.HoursAfter(24), "000 §PP4" },
        { "smt.triage-assessment", OwnerRole.PrisonSmt, new DeadlineRule.CalendarDaysAfter(3), "000 §PP2, §PP4" },
        { "smt.care-plan", OwnerRole.PrisonSmt, new DeadlineRule.EndOfDayNumber(5), "000 §PP4 \"Day 5\"" },
        { "smt.remand-dir-update", OwnerRole.PrisonSmt, new DeadlineRule.CalendarDaysAfter(3), "001 pathway \"Days 2 and 3\"" },
        { "smt.transfer-notice", OwnerRole.SendingSmt, DeadlineRule.EndOfStartDay.Instance, "000 §PP8" },
        { "smt.carat-file", OwnerRole.SendingSmt, DeadlineRule.TwentyFourHourRule.Standard, "000 §PP2, §PP8" },
        { "smt.release-planning", OwnerRole.PrisonSmt, new DeadlineRule.WeeksBefore(6), "000 §PP7, 2011 note §PP9" },
        { "any.release-plan-change", OwnerRole.PartyThatChanged, new DeadlineRule.HoursAfter(24), "000 §PP7" },
        { "cjit.post-release-contact", OwnerRole.HomeCjit, new DeadlineRule.WorkingDaysAfter(5), "000 §PP9" },
        { "cjit.released-from-court", OwnerRole.HomeCjit, new DeadlineRule.HoursAfter(24), "000 §PP13" },
        { "smt.non-return-close", OwnerRole.SendingSmt, new DeadlineRule.CalendarDaysAfter(7), "000 §PP13" },
        { "smt.activity-close", OwnerRole.PrisonSmt, new DeadlineRule.WorkingDaysAfter(5), "000 2011 note" },
        { "probation.psr-to-prison", OwnerRole.Probation, new DeadlineRule.HoursAfter(24), "003 §4.7.2" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Default_DomainObligationTable_EveryRowWithItsDefaultAndSource(string id, OwnerRole owner, DeadlineRule deadline, string citation)
    {
        var rule = ObligationCatalogue.Default[id];

        Assert.Equal(id, rule.Id);
        Assert.Equal(owner, rule.OwnerRole);
        Assert.Equal(deadline, rule.Deadline);
        Assert.Equal(citation, rule.Citation);
        Assert.False(string.IsNullOrWhiteSpace(rule.MustDo));
        Assert.False(string.IsNullOrWhiteSpace(rule.OpenedBy));
        Assert.False(string.IsNullOrWhiteSpace(rule.Fulfilment));
    }

    [Fact]
    public void Default_DomainObligationTable_ExactlyTheSixteenRulesInTableOrder()
    {
        Assert.Equal(Table.Select(row => (string)row[0]), ObligationCatalogue.Default.Select(r => r.Id));
        Assert.Equal(RuleIds.All, ObligationCatalogue.Default.Select(r => r.Id));
        Assert.Equal(16, ObligationCatalogue.Default.Count);
    }

    [Fact]
    public void Indexer_DomainObligationTable_UnknownIdNamesTheKnownOnes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ObligationCatalogue.Default["smt.nothing"]);

        Assert.Contains("smt.nothing", error.Message, StringComparison.Ordinal);
        Assert.Contains(RuleIds.CjitDirToPrison, error.Message, StringComparison.Ordinal);
        Assert.False(ObligationCatalogue.Default.TryGet(null, out _));
        Assert.False(RuleIds.IsKnown("CJIT.DIR-TO-PRISON"));
        Assert.True(RuleIds.IsKnown(RuleIds.SmtActivityClose));
    }

    [Fact]
    public void From_DomainObligationTable_ConfigurationOverridesTheDefaults()
    {
        var catalogue = ObligationCatalogue.From(new ObligationOptions
        {
            ReleasePlanningWeeks = 3,
            ActivityCloseWorkingDays = 10,
            NonReturnWaitHours = 48,
            TwentyFourHourRuleHours = 48,
            NextWorkingDayStart = new TimeOnly(10, 0),
            EscalationLevel2GraceWorkingDays = 2,
        });

        Assert.Equal(new DeadlineRule.WeeksBefore(3), catalogue[RuleIds.SmtReleasePlanning].Deadline);
        Assert.Equal(new DeadlineRule.WorkingDaysAfter(10), catalogue[RuleIds.SmtActivityClose].Deadline);
        Assert.Equal(new DeadlineRule.TwentyFourHourRule(48, new LocalTime(10, 0)), catalogue[RuleIds.SmtCaratFile].Deadline);
        Assert.Equal(Duration.FromHours(48), catalogue.NonReturnWait);
        Assert.Equal(new EscalationPolicy(2, 1), catalogue.Escalation);
    }

    [Fact]
    public void Due_DomainObligationTable_ReleasePlanningUsesTheReleaseDate()
    {
        var due = ObligationCatalogue.Default.Due(
            RuleIds.SmtReleasePlanning, London("2026-12-14T10:00"), EnglandAndWales2025To2028, Date("2027-02-01"));

        Assert.Equal(Offset("2026-12-21T23:59:59+00:00"), due.Due);
    }
}
