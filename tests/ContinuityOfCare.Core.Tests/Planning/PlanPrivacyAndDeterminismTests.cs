using System.Text;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>docs/domain.md "Consent and data minimisation" (unmatched people leave no trace) and the plan's determinism.</summary>
public class PlanPrivacyAndDeterminismTests
{
    private static PlanInputs MixedInputs() => new(
        [
            TestWorld.Listing("B13WF", path: "$.courtLists[0]"),
            TestWorld.Listing("B13WF", person: TestWorld.Person("Unmatchedperson", "Zebedee", new LocalDate(1970, 1, 1), noms: null), path: "$.courtLists[1]"),
            TestWorld.Listing("B13HT", person: TestWorld.Person("Jones", "Mary", new LocalDate(1985, 6, 2), noms: null), path: "$.courtLists[2]"),
        ],
        [
            TestWorld.Result(CourtOutcome.RemandedInCustody, "LEI", at: Instant.FromUtc(2026, 12, 9, 11, 0), line: 2),
            TestWorld.Result(CourtOutcome.Bail, null, at: Instant.FromUtc(2026, 12, 9, 12, 0), line: 3,
                person: TestWorld.Person("Jones", "M", new LocalDate(1985, 6, 2), noms: null)),
        ],
        [
            TestWorld.Discharge(MovementType.Transfer, "NOTR", "WKI", at: Instant.FromUtc(2026, 12, 10, 9, 0), line: 2),
            TestWorld.Discharge(MovementType.Release, "CR", "OUT", at: Instant.FromUtc(2026, 12, 10, 9, 30), line: 3, prison: "WKI"),
        ],
        [new Rejection(new SourceRef("results.csv", 9), "date_of_birth is not a date")]);

    private static IReadOnlyList<Core.Clients.Client> Register() =>
    [
        TestWorld.Client(),
        TestWorld.Client("C-2", "Jones", "Mary", new LocalDate(1985, 6, 2), noms: null, cjit: "WAKEFIELD", postcode: "WF1 1AA"),
    ];

    private static string Json(PlanInputs inputs) =>
        Encoding.UTF8.GetString(PlanJsonWriter.ToUtf8Bytes(Planner.Plan(inputs, TestWorld.Directory(), Register(), TestWorld.Calendar, TestWorld.Now)));

    [Fact]
    public void Privacy_unmatched_defendants_leave_no_trace_beyond_counts()
    {
        var plan = Planner.Plan(MixedInputs(), TestWorld.Directory(), Register(), TestWorld.Calendar, TestWorld.Now);
        var json = Encoding.UTF8.GetString(PlanJsonWriter.ToUtf8Bytes(plan));
        Assert.DoesNotContain("Unmatchedperson", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Zebedee", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1970-01-01", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$.courtLists[1]", json, StringComparison.Ordinal);
        Assert.Equal(1, plan.Counts.Unmatched);
    }

    [Fact]
    public void Privacy_possible_matches_are_held_never_routed()
    {
        var plan = Planner.Plan(MixedInputs(), TestWorld.Directory(), Register(), TestWorld.Calendar, TestWorld.Now);
        var possible = Assert.Single(plan.PossibleMatches);
        Assert.Equal("C-2", possible.ClientId);
        Assert.Equal(3, possible.Source.Line);
        Assert.DoesNotContain(plan.Events, e => e.Source == possible.Source);
        Assert.Contains(plan.Tasks, t => t.Kind == TaskKind.PossibleMatch && t.ClientId == "C-2" && t.Owner == "WAKEFIELD");
    }

    [Fact]
    public void Determinism_shuffling_input_order_gives_byte_identical_json()
    {
        var inputs = MixedInputs();
        var expected = Json(inputs);
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            var random = new Random(seed);
            var shuffled = new PlanInputs(
                [.. inputs.CourtListings.OrderBy(_ => random.Next())],
                [.. inputs.CourtResults.OrderBy(_ => random.Next())],
                [.. inputs.Discharges.OrderBy(_ => random.Next())],
                [.. inputs.Rejections.OrderBy(_ => random.Next())]);
            return Json(shuffled) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Determinism_alert_forms_round_trip_through_plan_json()
    {
        var plan = Planner.Plan(MixedInputs(), TestWorld.Directory(), Register(), TestWorld.Calendar, TestWorld.Now);
        Assert.NotEmpty(plan.Alerts);
        using var stream = new MemoryStream(PlanJsonWriter.ToUtf8Bytes(plan));
        var read = AlertFormJson.ReadPlannedAlerts(stream);
        Assert.Equal(plan.Alerts.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var (expected, actual) = (plan.Alerts[i].Form, read[i].Form);
            Assert.Equal(expected with { Boxes = [] }, actual with { Boxes = [] });
            Assert.Equal(expected.Boxes, actual.Boxes);
            Assert.Equal(plan.Alerts[i].Status, read[i].Status);
        }
    }

    [Fact]
    public void AlertFormJson_rejects_non_plan_json_with_a_clear_message()
    {
        using var stream = new MemoryStream("{\"x\":1}"u8.ToArray());
        var ex = Assert.Throws<System.Text.Json.JsonException>(() => AlertFormJson.ReadAlerts(stream));
        Assert.Contains("alerts", ex.Message, StringComparison.Ordinal);
    }
}
