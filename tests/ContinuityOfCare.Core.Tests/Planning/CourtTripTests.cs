using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>docs/domain.md "NotReturnedFromCourt" (000 §PP10–PP14): a SentToCourt resolved by a later court result in the same plan.</summary>
public class CourtTripTests
{
    private static readonly Instant Sent = Instant.FromUtc(2026, 12, 10, 8, 0);
    private static readonly Instant Resulted = Instant.FromUtc(2026, 12, 10, 14, 0);

    private static Plan Trip(CourtOutcome outcome, string? establishment, string court = "B13HT") =>
        TestWorld.Plan([TestWorld.Client(prison: "LEI")],
            discharges: [TestWorld.Discharge(MovementType.Court, "CRT", court, at: Sent)],
            results: [TestWorld.Result(outcome, establishment, at: Resulted, court: court)]);

    [Fact]
    public void Trips_000_PP12_back_to_the_same_prison_is_no_new_reception()
    {
        var plan = Trip(CourtOutcome.RemandedInCustody, "LEI");
        Assert.Equal(TripResolution.ReturnedToSamePrison, Assert.Single(plan.CourtTrips).Resolution);
        Assert.DoesNotContain(plan.Events, e => e.Kind == EventKind.RemandedOrSentencedToPrison);
    }

    [Fact]
    public void Trips_000_PP11_custody_elsewhere_tells_the_sending_SMT_and_receives_at_the_new_prison()
    {
        var plan = Trip(CourtOutcome.SentencedToCustody, "WKI");
        Assert.Equal(TripResolution.CustodyElsewhere, Assert.Single(plan.CourtTrips).Resolution);
        Assert.Equal([EventKind.SentToCourt, EventKind.NotReturnedFromCourt, EventKind.RemandedOrSentencedToPrison], plan.Events.Select(e => e.Kind));
        var notReturned = plan.Alerts.Single(a => a.Form.Event == EventKind.NotReturnedFromCourt);
        Assert.Equal("LEI", notReturned.Form.To.OrgCode);
        Assert.Equal("000 §PP11", notReturned.Form.ProcessPoint);
        Assert.Contains(plan.ObligationsOpened, o => o.RuleId == RuleIds.SmtNonReturnClose && o.Owner == "LEI");
        Assert.Contains(plan.ObligationsOpened, o => o.RuleId == RuleIds.SmtClinicalAssessment && o.Owner == "WKI");
    }

    [Theory]
    [InlineData("B13HT", "000 §PP13")] // Leeds CJIT has a court worker at B13HT
    [InlineData("B13WF", "000 §PP14")] // no court worker at B13WF
    public void Trips_000_PP13_PP14_release_from_court_depends_on_a_court_worker(string court, string processPoint)
    {
        var plan = Trip(CourtOutcome.Bail, null, court);
        var trip = Assert.Single(plan.CourtTrips);
        Assert.Equal(TripResolution.Released, trip.Resolution);
        Assert.Equal(processPoint, plan.Events.Single(e => e.Kind == EventKind.ReleasedFromCourt).ProcessPoint);
        Assert.Contains(plan.ObligationsOpened, o => o.RuleId == RuleIds.CjitReleasedFromCourt && o.Owner == "LEEDS");
    }

    [Fact]
    public void Trips_000_PP13_no_result_after_the_wait_asks_the_SMT_to_establish_the_non_return()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")],
            discharges: [TestWorld.Discharge(MovementType.Court, "CRT", "B13HT", at: Sent)], now: Sent + Duration.FromHours(25));
        Assert.Equal(TripResolution.NonReturnToEstablish, Assert.Single(plan.CourtTrips).Resolution);
        Assert.Equal("LEI", plan.Alerts.Single(a => a.Form.Event == EventKind.NotReturnedFromCourt).Form.To.OrgCode);
    }

    [Fact]
    public void Trips_000_PP10_within_the_wait_the_trip_is_awaiting_a_result()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")],
            discharges: [TestWorld.Discharge(MovementType.Court, "CRT", "B13HT", at: Sent)], now: Sent + Duration.FromHours(2));
        Assert.Equal(TripResolution.AwaitingResult, Assert.Single(plan.CourtTrips).Resolution);
        Assert.DoesNotContain(plan.Events, e => e.Kind == EventKind.NotReturnedFromCourt);
    }
}
