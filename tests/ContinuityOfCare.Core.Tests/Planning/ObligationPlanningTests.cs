using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>docs/domain.md "Obligations and their deadlines": opened per event with due instants from the deadline engine, and closed by later events.</summary>
public class ObligationPlanningTests
{
    private static Instant London(int year, int month, int day, int hour, int minute = 0) =>
        LondonTime.ToInstant(new LocalDateTime(year, month, day, hour, minute));

    [Fact]
    public void Obligations_000_Part1_remand_on_Christmas_Eve_is_due_Tuesday_0900()
    {
        var at = London(2026, 12, 24, 16);
        var plan = TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.RemandedInCustody, at: at)], now: at);
        var dir = plan.ObligationsOpened.Single(o => o.RuleId == RuleIds.CjitDirToPrison);
        Assert.Equal(London(2026, 12, 29, 9), dir.Due);
        Assert.Equal("LEEDS", dir.Owner);
        Assert.Equal("2026-12-29T09:00:00+00:00", PlanJsonFormats.London(dir.Due!.Value));
        var clinical = plan.ObligationsOpened.Single(o => o.RuleId == RuleIds.SmtClinicalAssessment);
        Assert.Equal(at + Duration.FromHours(24), clinical.Due);
        Assert.Equal("LEI", clinical.Owner);

        // The home CJIT's form asks for the DIR, with the same due instant.
        var cjitForm = plan.Alerts.Single(a => a.Form.To.OrgCode == "LEEDS").Form;
        Assert.Equal(dir.Id, cjitForm.Request!.ObligationId);
        Assert.Equal(dir.Due, cjitForm.Request.Due);
    }

    [Fact]
    public void Obligations_000_PP4_remand_opens_reception_rules_and_remand_DIR_update()
    {
        var plan = TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]);
        Assert.Equal(
            [RuleIds.CjitDirToPrison, RuleIds.SmtClinicalAssessment, RuleIds.SmtKeyworker, RuleIds.SmtNewDirIfNone,
             RuleIds.SmtTriageAssessment, RuleIds.SmtCarePlan, RuleIds.SmtRemandDirUpdate],
            plan.ObligationsOpened.Select(o => o.RuleId));
    }

    [Fact]
    public void Obligations_000_PP5_PPO_clients_get_PPO_priority()
    {
        var plan = TestWorld.Plan([TestWorld.Client(ppo: true)], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]);
        Assert.NotEmpty(plan.ObligationsOpened);
        Assert.All(plan.ObligationsOpened, o => Assert.Equal(ObligationPriority.Ppo, o.Priority));
    }

    [Fact]
    public void Obligations_000_PP9_release_cancels_pending_in_prison_obligations_of_this_plan()
    {
        var remand = London(2026, 12, 7, 11);
        var release = London(2026, 12, 9, 10);
        var plan = TestWorld.Plan([TestWorld.Client()],
            results: [TestWorld.Result(CourtOutcome.RemandedInCustody, at: remand)],
            discharges: [TestWorld.Discharge(MovementType.Release, "BL", "OUT", at: release)]);
        var cancelled = plan.ObligationsClosed.Select(c => c.RuleId).ToHashSet();
        Assert.Contains(RuleIds.SmtKeyworker, cancelled);
        Assert.Contains(RuleIds.SmtCarePlan, cancelled);
        Assert.Contains(RuleIds.CjitDirToPrison, cancelled);
        Assert.All(plan.ObligationsClosed, c => Assert.Equal(ClosureOutcome.Cancelled, c.Outcome));
        Assert.Contains(plan.ObligationsOpened, o => o.RuleId == RuleIds.CjitPostReleaseContact);
    }

    [Fact]
    public void Obligations_000_PP7_transfer_closes_release_planning()
    {
        var first = London(2026, 12, 1, 10);
        var second = London(2026, 12, 8, 10);
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges:
        [
            TestWorld.Discharge(MovementType.Transfer, "NOTR", "WKI", at: first, line: 2, releaseDate: new LocalDate(2027, 6, 1)),
            TestWorld.Discharge(MovementType.Transfer, "NOTR", "LEI", at: second, prison: "WKI", line: 3),
        ]);
        var planning = plan.ObligationsOpened.Single(o => o.RuleId == RuleIds.SmtReleasePlanning);
        Assert.Equal("WKI", planning.Owner);
        Assert.Equal(LondonTime.EndOf(new LocalDate(2027, 4, 20)), planning.Due);
        var closure = plan.ObligationsClosed.Single(c => c.ObligationId == planning.Id);
        Assert.Equal(ClosureOutcome.Fulfilled, closure.Outcome);
    }

    [Fact]
    public void Obligations_domain_time_beyond_the_calendar_is_a_task_not_a_guess()
    {
        var at = London(2028, 12, 31, 12);
        var plan = TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.RemandedInCustody, at: at)], now: at);
        Assert.Contains(plan.ObligationsOpened, o => o.Due is null);
        Assert.Contains(plan.Tasks, t => t.Kind == TaskKind.CalendarNotCovered && t.Owner == PlanTask.Operator);
    }
}
