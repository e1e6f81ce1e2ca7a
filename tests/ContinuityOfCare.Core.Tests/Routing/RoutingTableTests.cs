using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Tests.Planning;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Routing;

/// <summary>docs/domain.md "Routing" — one test group per row of the table.</summary>
public class RoutingTableTests
{
    public static TheoryData<string, Func<Plan>, EventKind, string[]> Rows => new()
    {
        // 000 Part 1: SMT of P ("en route; DIR to follow"), copy home CJIT.
        { "000 Part 1 remanded", () => TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]),
            EventKind.RemandedOrSentencedToPrison, ["LEI", "LEEDS"] },
        { "000 Part 1 sentenced", () => TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.SentencedToCustody, "WKI")]),
            EventKind.RemandedOrSentencedToPrison, ["WKI", "LEEDS"] },
        // 000 §PP10, §PP13: home CJIT; also the court CJIT when different.
        { "000 §PP10 listed elsewhere", () => TestWorld.Plan([TestWorld.Client()], listings: [TestWorld.Listing("B13WF")]),
            EventKind.ListedForHearing, ["LEEDS", "WAKEFIELD"] },
        { "000 §PP13 listed at the home CJIT's court", () => TestWorld.Plan([TestWorld.Client()], listings: [TestWorld.Listing("B13HT")]),
            EventKind.ListedForHearing, ["LEEDS"] },
        // 000 §PP8: SMT of Q and home CJIT.
        { "000 §PP8 transfer", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Transfer, "NOTR", "WKI")]),
            EventKind.TransferredBetweenPrisons, ["WKI", "LEEDS"] },
        // 000 §PP9, §PP14: home CJIT.
        { "000 §PP9 release", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Release, "CR", "OUT")]),
            EventKind.ReleasedToCommunity, ["LEEDS"] },
        // 000 §PP10: home CJIT (and court CJIT when different).
        { "000 §PP10 sent to court", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Court, "CRT", "B13WF")]),
            EventKind.SentToCourt, ["LEEDS", "WAKEFIELD"] },
        // 000 §PP13: the sending SMT and home CJIT.
        { "000 §PP13 released from court", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], results: [TestWorld.Result(CourtOutcome.Bail, null)]),
            EventKind.ReleasedFromCourt, ["LEI", "LEEDS"] },
        // 000 §PP6, 001 §9.6: home CJIT.
        { "000 §PP6 died", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Release, "DEC", "OUT")]),
            EventKind.Died, ["LEEDS"] },
        { "001 §9.6 hospital", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Release, "HP", "OUT")]),
            EventKind.ReleasedToHospital, ["LEEDS"] },
        { "001 §9.6 deported", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Release, "DL", "OUT")]),
            EventKind.Deported, ["LEEDS"] },
        { "001 §9.6 absconded", () => TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Release, "UAL", "OUT")]),
            EventKind.Absconded, ["LEEDS"] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Routing_row_sends_to_the_table_recipients(string row, Func<Plan> plan, EventKind kind, string[] recipients)
    {
        var result = plan();
        var alerts = result.Alerts.Where(a => a.Form.Event == kind).ToList();
        Assert.True(alerts.Count > 0, row);
        Assert.Equal(recipients, alerts.Select(a => a.Form.To.OrgCode));
        Assert.All(alerts, a => Assert.Equal(AlertStatus.Ready, a.Status));
        Assert.Empty(result.Tasks);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Routing_every_form_has_a_short_sentence_without_the_name_and_a_full_reason(string row, Func<Plan> plan, EventKind kind, string[] recipients)
    {
        var alerts = plan().Alerts.Where(a => a.Form.Event == kind).ToList();
        // The row's recipients each get a form: an empty filter would check nothing.
        Assert.Equal(recipients, alerts.Select(a => a.Form.To.OrgCode));
        foreach (var alert in alerts)
        {
            Assert.InRange(alert.Form.Sentence.Length, 1, 250);
            Assert.DoesNotContain("Smith", alert.Form.Sentence, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Smith", alert.Form.Summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("A1234BC", alert.Form.Sentence, StringComparison.Ordinal);
            Assert.Contains("directory version 7", alert.Form.Reason, StringComparison.Ordinal);
            Assert.Contains("consent", alert.Form.Reason, StringComparison.Ordinal);
            Assert.Matches("^CC-2026-[0-9A-F]{6}$", alert.Form.Reference);
            Assert.NotEmpty(alert.Form.Boxes);
            Assert.False(string.IsNullOrEmpty(row));
        }
    }

    [Fact]
    public void Routing_000_PP10_listing_for_someone_neither_in_custody_nor_on_a_caseload_sends_nothing()
    {
        var plan = TestWorld.Plan([TestWorld.Client(cjit: null, postcode: "ZZ9 9ZZ")], listings: [TestWorld.Listing("B13WF")]);
        Assert.Empty(plan.Alerts);
        Assert.Equal(1, plan.Counts.Ignored);
    }

    [Fact]
    public void Routing_home_CJIT_falls_back_to_postcode_district_coverage()
    {
        var plan = TestWorld.Plan([TestWorld.Client(cjit: null, postcode: "WF1 3QQ", prison: "LEI")],
            discharges: [TestWorld.Discharge(MovementType.Release, "CR", "OUT")]);
        Assert.Equal("WAKEFIELD", Assert.Single(plan.Alerts).Form.To.OrgCode);
    }

    [Fact]
    public void Routing_no_SPOC_sends_to_the_regional_team_with_the_reason_and_an_UNROUTABLE_task()
    {
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Transfer, "NOTR", "XYZ")]);
        var fallback = plan.Alerts.Single(a => a.Form.To.OrgCode == "REGION");
        Assert.Contains("no SPOC for prison XYZ in directory version 7", fallback.Form.Reason, StringComparison.Ordinal);
        Assert.Null(fallback.Form.Client.Name);
        Assert.Null(fallback.Form.Request);
        var task = Assert.Single(plan.Tasks);
        Assert.Equal(TaskKind.Unroutable, task.Kind);
        Assert.Equal("REGION", task.Owner);
    }

    [Fact]
    public void Routing_recipient_outside_the_secure_mail_allow_list_is_held_with_an_INSECURE_RECIPIENT_task()
    {
        var directory = new Core.Directory.SpocDirectory(7,
        [
            .. TestWorld.Directory().Entries.Where(e => e.OrgCode != "WKI"),
            TestWorld.Entry("WKI", Core.Directory.OrgType.PrisonSmt, "smt.wakefield@gmail.com"),
        ]);
        var plan = TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Transfer, "NOTR", "WKI")], directory: directory);
        var held = plan.Alerts.Single(a => a.Form.To.OrgCode == "WKI");
        Assert.Equal(AlertStatus.Held, held.Status);
        Assert.Equal(TaskKind.InsecureRecipient, Assert.Single(plan.Tasks).Kind);
        Assert.Equal(AlertStatus.Ready, plan.Alerts.Single(a => a.Form.To.OrgCode == "LEEDS").Status);
    }
}
