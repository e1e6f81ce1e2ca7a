using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>docs/domain.md "The journey as events": the mapping from records to events.</summary>
public class EventDetectionTests
{
    [Fact]
    public void Events_MRG_is_ignored()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Transfer, "MRG", "WKI")]);
        Assert.Empty(plan.Events);
        Assert.Equal(1, plan.Counts.Ignored);
    }

    [Fact]
    public void Events_TAP_is_ignored_unless_configured()
    {
        var discharges = new[] { TestWorld.Discharge(MovementType.TemporaryAbsence, "C3", "OUT") };
        Assert.Empty(TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: discharges).Events);
        var configured = TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: discharges,
            options: new PlanOptions { TreatTemporaryAbsenceAsRelease = true });
        Assert.Equal(EventKind.ReleasedToCommunity, Assert.Single(configured.Events).Kind);
    }

    [Fact]
    public void Events_ADJOURNED_yields_nothing()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")], results: [TestWorld.Result(CourtOutcome.Adjourned, null)]);
        Assert.Empty(plan.Events);
    }

    [Fact]
    public void Events_000_PP13_bail_for_someone_not_in_custody_is_no_release_from_court()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: null)], results: [TestWorld.Result(CourtOutcome.Bail, null)]);
        Assert.Empty(plan.Events);
    }

    [Fact]
    public void Events_custodial_outcome_without_establishment_is_reported_not_guessed()
    {
        var plan = TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.RemandedInCustody, null)]);
        Assert.Empty(plan.Events);
        var warning = Assert.Single(plan.Rejected);
        Assert.True(warning.IsWarning);
        Assert.Equal(2, warning.Where.Line);
    }

    [Fact]
    public void Events_000_PP7_transfer_with_release_date_makes_the_release_date_known_at_the_receiving_prison()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")],
            discharges: [TestWorld.Discharge(MovementType.Transfer, "NOTR", "WKI", releaseDate: new LocalDate(2027, 3, 1))]);
        var known = plan.Events.Single(e => e.Kind == EventKind.ReleaseDateKnown);
        Assert.Equal("WKI", known.PrisonCode);
    }

    [Fact]
    public void Events_ids_are_deterministic_and_differ_per_kind_and_record()
    {
        var source = new SourceRef("d.csv", 2);
        Assert.Equal(DeterministicIds.Event("f", source, EventKind.Died), DeterministicIds.Event("f", source, EventKind.Died));
        Assert.NotEqual(DeterministicIds.Event("f", source, EventKind.Died), DeterministicIds.Event("f", source, EventKind.Deported));
        Assert.NotEqual(DeterministicIds.Event("f", source, EventKind.Died), DeterministicIds.Event("f", source with { Line = 3 }, EventKind.Died));
        Assert.Matches("^[0-9a-f]{32}$", DeterministicIds.Event("f", source, EventKind.Died));
    }
}
