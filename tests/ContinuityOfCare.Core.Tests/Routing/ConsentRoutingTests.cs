using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Tests.Planning;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Routing;

/// <summary>
/// docs/domain.md "Consent and data minimisation" (000 Annex A; 002 §40–44; 003 §2.3–2.5): a remand routes to the SMT
/// (PRISON_SMT) and the home CJIT (CJIT); each consent case decides per recipient org type.
/// </summary>
public class ConsentRoutingTests
{
    public static TheoryData<string, Consent, LegalBasis?, string[], int> Cases => new()
    {
        { "consent yes, in scope", TestWorld.ConsentTo(OrgType.Cjit, OrgType.PrisonSmt), null, ["LEI", "LEEDS"], 0 },
        { "consent yes, SMT out of scope", TestWorld.ConsentTo(OrgType.Cjit), null, ["LEEDS"], 1 },
        { "consent no, legal basis", Consent.None, LegalBasis.RiskOfHarm, ["LEI", "LEEDS"], 0 },
        { "consent no, no legal basis", Consent.None, null, [], 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Consent_000_AnnexA_gates_each_recipient(string name, Consent consent, LegalBasis? basis, string[] recipients, int consentTasks)
    {
        var plan = TestWorld.Plan([TestWorld.Client(consent: consent, legalBasis: basis)], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]);
        Assert.Equal(recipients, plan.Alerts.Select(a => a.Form.To.OrgCode));
        var tasks = plan.Tasks.Where(t => t.Kind == TaskKind.ConsentMissing).ToList();
        Assert.Equal(consentTasks, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("LEEDS", t.Owner));
        Assert.All(tasks, t => Assert.StartsWith("consent not recorded for sharing with", t.Reason, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Consent_000_AnnexA_out_of_scope_task_names_the_org_type()
    {
        var plan = TestWorld.Plan([TestWorld.Client(consent: TestWorld.ConsentTo(OrgType.Cjit))], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]);
        Assert.Contains("PRISON_SMT", Assert.Single(plan.Tasks).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_003_s2_legal_basis_is_recorded_in_the_reason()
    {
        var plan = TestWorld.Plan([TestWorld.Client(consent: Consent.None, legalBasis: LegalBasis.RequiredAssessment)], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]);
        Assert.NotEmpty(plan.Alerts);
        Assert.All(plan.Alerts, a => Assert.Contains("legal basis RA", a.Form.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Consent_002_minimisation_SMT_and_CJIT_get_name_dob_noms()
    {
        var plan = TestWorld.Plan([TestWorld.Client()], results: [TestWorld.Result(CourtOutcome.RemandedInCustody)]);
        Assert.NotEmpty(plan.Alerts);
        Assert.All(plan.Alerts, a =>
        {
            Assert.Equal("John Smith", a.Form.Client.Name);
            Assert.Equal("A1234BC", a.Form.Client.Noms);
            Assert.NotNull(a.Form.Client.DateOfBirth);
        });
    }
}
