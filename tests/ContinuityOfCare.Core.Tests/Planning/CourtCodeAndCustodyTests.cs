using System.Text;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>
/// docs/plan.md "Court code": a list without its court code still alerts home teams; the code comes from the file's
/// sidecar or the directory's court_names, else court routing is skipped with a warning naming the court house. And
/// a listing's inCustody reaches the Alert Form.
/// </summary>
public class CourtCodeAndCustodyTests
{
    private static CourtListing Uncoded(string courtName, bool inCustody = false, PersonParticulars? person = null) =>
        TestWorld.Listing(person: person ?? TestWorld.Person(noms: null), inCustody: inCustody) with { CourtCode = null, CourtName = courtName };

    [Fact]
    public void A_listing_without_a_court_code_alerts_the_home_team_and_warns_naming_the_court_house()
    {
        var plan = TestWorld.Plan([TestWorld.Client(noms: null)], listings: [Uncoded("PRESTON")]);

        var listed = Assert.Single(plan.Events, e => e.Kind == EventKind.ListedForHearing);
        Assert.Null(listed.CourtCode);
        Assert.Equal("PRESTON", listed.CourtName);
        var alert = Assert.Single(plan.Alerts);
        Assert.Equal("LEEDS", alert.Form.To.OrgCode);
        Assert.StartsWith("Listed for hearing at PRESTON on ", alert.Form.Sentence, StringComparison.Ordinal);
        var warning = Assert.Single(plan.Rejected, r => r.Reason.Contains("court code", StringComparison.Ordinal));
        Assert.True(warning.IsWarning);
        Assert.Contains("court house PRESTON", warning.Reason, StringComparison.Ordinal);
        Assert.Null(warning.Where.JsonPath);
    }

    [Fact]
    public void The_directory_court_names_give_the_court_code_and_the_court_CJIT_is_alerted()
    {
        var wakefield = TestWorld.Entry("WAKEFIELD", OrgType.Cjit, "wakefield.cjit@wakefield.cjsm.net", ["WF1"], ["B13WF"]) with
        {
            CourtNames = new Dictionary<string, string> { ["Wakefield Magistrates' Court"] = "B13WF" },
        };
        var directory = new SpocDirectory(7, [.. TestWorld.Directory().Entries.Where(e => e.OrgCode != "WAKEFIELD"), wakefield]);
        var plan = TestWorld.Plan([TestWorld.Client(noms: null)], listings: [Uncoded("  wakefield   MAGISTRATES' court ")], directory: directory);

        Assert.Equal("B13WF", Assert.Single(plan.Events).CourtCode);
        Assert.Equal(["LEEDS", "WAKEFIELD"], plan.Alerts.Select(a => a.Form.To.OrgCode).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.Rejected, r => r.Reason.Contains("court code", StringComparison.Ordinal));
    }

    [Fact]
    public void A_court_code_given_with_the_file_is_used_for_its_uncoded_listings()
    {
        var inputs = new PlanInputs([Uncoded("PRESTON")], [], [], [], CourtCodes: new Dictionary<string, string> { ["list.json"] = "b13wf" });
        var plan = Planner.Plan(inputs, TestWorld.Directory(), [TestWorld.Client(noms: null)], TestWorld.Calendar, TestWorld.Now);

        Assert.Equal("B13WF", Assert.Single(plan.Events).CourtCode);
        Assert.Contains(plan.Alerts, a => a.Form.To.OrgCode == "WAKEFIELD");
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void InCustody_on_the_listing_goes_on_the_Alert_Form(bool inCustody, bool expected)
    {
        var plan = TestWorld.Plan([TestWorld.Client(noms: null)], listings: [TestWorld.Listing(person: TestWorld.Person(noms: null), inCustody: inCustody)]);
        Assert.All(plan.Alerts, a => Assert.Equal(expected, a.Form.InCustody));
        Assert.NotEmpty(plan.Alerts);
        Assert.Equal(expected, plan.Alerts[0].Form.Sentence.Contains(", in custody.", StringComparison.Ordinal));
        var json = Encoding.UTF8.GetString(PlanJsonWriter.ToUtf8Bytes(plan));
        Assert.Contains($"\"inCustody\": {(expected ? "true" : "false")}", json, StringComparison.Ordinal);
        Assert.Equal(expected, AlertFormJson.ReadPlannedAlerts(new MemoryStream(PlanJsonWriter.ToUtf8Bytes(plan)))[0].Form.InCustody);
    }

    [Fact]
    public void The_rule_that_matched_is_recorded_for_each_match()
    {
        var plan = TestWorld.Plan([TestWorld.Client(forenames: "John", noms: null)], listings: [TestWorld.Listing(person: TestWorld.Person(forenames: "John Alan", noms: null))]);
        var match = Assert.Single(plan.Matches);
        Assert.Equal(MatchRule.FirstForenameAndDateOfBirth, match.Rule);
        Assert.Contains("\"rule\": \"FIRST_FORENAME_AND_DATE_OF_BIRTH\"", Encoding.UTF8.GetString(PlanJsonWriter.ToUtf8Bytes(plan)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stranger_close_to_a_client_leaves_no_trace()
    {
        // Same surname and date of birth, unrelated forename: a stranger (docs/plan.md "What is held").
        var stranger = TestWorld.Person("Smith", "Barnaby", new LocalDate(1980, 3, 14), noms: null);
        var plan = TestWorld.Plan([TestWorld.Client(noms: null)], listings: [TestWorld.Listing(person: stranger, path: "$.courtLists[9]")]);
        var json = Encoding.UTF8.GetString(PlanJsonWriter.ToUtf8Bytes(plan));
        Assert.DoesNotContain("Barnaby", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("$.courtLists[9]", json, StringComparison.Ordinal);
        Assert.Equal(1, plan.Counts.Unmatched);
        Assert.Empty(plan.PossibleMatches);
    }
}
