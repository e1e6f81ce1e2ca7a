using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Routing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Directory;

/// <summary>formats.md §4: a refresh is validated whole; architecture.md "Security rules": the secure-mail allow-list.</summary>
public sealed class DirectoryValidatorTests
{
    private static readonly DirectoryValidationOptions Defaults = new();

    internal static DirectoryEntry Cjit(string code, params string[] districts) => new(
        code, OrgType.Cjit, $"{code} team", null, $"spoc@{code.ToLowerInvariant()}.cjsm.net", "0113 000 0000", "0800 000 0000",
        $"manager@{code.ToLowerInvariant()}.cjsm.net", districts, ["B13HT"], [], new LocalDate(2026, 1, 1));

    internal static DirectoryEntry Smt(string code) => new(
        code, OrgType.PrisonSmt, $"HMP {code} SMT", null, $"smt.{code.ToLowerInvariant()}@justice.gov.uk", "0113 000 0000", null,
        $"duty.{code.ToLowerInvariant()}@justice.gov.uk", [], [], [], new LocalDate(2026, 1, 1));

    private static IReadOnlyList<DirectoryRow> Rows(params DirectoryEntry[] entries) =>
        entries.Select((entry, index) => new DirectoryRow(index + 2, entry)).ToList();

    private static IReadOnlyList<string> Problems(IReadOnlyList<DirectoryRow> rows, IReadOnlyList<DirectoryEntry>? live = null,
        DirectoryValidationOptions? options = null, bool force = false) =>
        DirectoryValidator.Validate("spoc.csv", rows, live, options ?? Defaults, force)
            .Select(problem => problem.Where.Line is { } line ? $"{line}: {problem.Reason}" : problem.Reason)
            .ToList();

    [Fact]
    public void Formats4_ValidRefresh_HasNoProblems() =>
        Assert.Empty(Problems(Rows(Cjit("CJIT-LDS", "LS1", "LS2"), Cjit("CJIT-BFD", "BD1"), Smt("LEI"))));

    public static TheoryData<DirectoryEntry, string> SingleEntryProblems => new()
    {
        { Cjit("CJIT-LDS", "LS1") with { Email = "not-an-email" }, "2: email is not a valid email address" },
        { Cjit("CJIT-LDS", "LS1") with { Email = "two@@cjsm.net" }, "2: email is not a valid email address" },
        { Cjit("CJIT-LDS", "LS1") with { Email = "Name <a@x.cjsm.net>" }, "2: email is not a valid email address" },
        { Cjit("CJIT-LDS", "LS1") with { EscalationEmail = "boss@gmail.com" }, "2: escalation_email domain gmail.com is outside the secure-mail allow-list (cjsm.net, nhs.net, gov.uk)" },
        { Cjit("CJIT-LDS", "LS1") with { Email = "spoc@notcjsm.net" }, "2: email domain notcjsm.net is outside the secure-mail allow-list (cjsm.net, nhs.net, gov.uk)" },
        { Smt("Lei"), "2: org_code Lei is not a NOMIS prison code (three upper-case letters, e.g. LEI)" },
        { Smt("LEED"), "2: org_code LEED is not a NOMIS prison code (three upper-case letters, e.g. LEI)" },
        { Cjit("CJIT-LDS", "LS1") with { Phone24x7 = null }, "2: phone_24_7 is required for a CJIT" },
        { Cjit("CJIT-LDS"), "2: postcode_districts is required for a CJIT" },
        { Cjit("CJIT-LDS", "LS1") with { Courts = [] }, "2: courts is required for a CJIT" },
        { Cjit("CJIT-LDS", "LEEDS"), "2: postcode_districts value LEEDS is not a postcode district (e.g. LS1, LS6, EC1A)" },
        { Cjit("CJIT-LDS", "LS1") with { CourtWorkerCourts = ["B13ZZ"] }, "2: court_worker_courts lists B13ZZ, which is not in courts (it must be a subset)" },
    };

    [Theory]
    [MemberData(nameof(SingleEntryProblems))]
    public void Formats4_EachEntryRule_ReportsItsLineAndReason(DirectoryEntry entry, string expected) =>
        Assert.Equal([expected], Problems(Rows(entry)));

    [Theory]
    [InlineData("spoc@cjsm.net")]
    [InlineData("spoc@leeds.cjsm.net")]
    [InlineData("spoc@nhs.net")]
    [InlineData("spoc@justice.gov.uk")]
    [InlineData("SPOC@HMPPS.GOV.UK")]
    public void ArchitectureSecurityRules_AllowListSubdomains_AreAccepted(string address) =>
        Assert.Empty(Problems(Rows(Cjit("CJIT-LDS", "LS1") with { Email = address, EscalationEmail = address })));

    [Fact]
    public void Formats4_AllowList_IsConfigurable()
    {
        var options = new DirectoryValidationOptions { SecureMail = new SecureMailPolicy(["example.org"]) };
        var entry = Cjit("CJIT-LDS", "LS1") with { Email = "spoc@example.org", EscalationEmail = "boss@team.example.org" };

        Assert.Empty(Problems(Rows(entry), options: options));
        Assert.Equal(2, Problems(Rows(Cjit("CJIT-LDS", "LS1")), options: options).Count);
    }

    [Fact]
    public void Formats4_DuplicateOrgCode_NamesBothLines()
    {
        var problems = Problems(Rows(Smt("LEI"), Cjit("CJIT-LDS", "LS1"), Smt("LEI") with { OrgName = "again" }));

        Assert.Equal(["4: org_code LEI is also used on line 2: codes must be unique"], problems);
    }

    [Fact]
    public void Formats4_OverlappingCoverageBetweenCjits_NamesBothLinesAndTeams()
    {
        var problems = Problems(Rows(Cjit("CJIT-LDS", "LS1", "LS2"), Cjit("CJIT-WFD", "WF1", "LS2")));

        Assert.Equal(["3: postcode district LS2 is covered by both CJIT-LDS (line 2) and CJIT-WFD"], problems);
    }

    [Fact]
    public void Formats4_UnknownPrisonCode_WhenAReferenceListIsConfigured()
    {
        var options = new DirectoryValidationOptions { KnownPrisonCodes = new HashSet<string> { "LEI", "WYI" } };

        Assert.Equal(["3: org_code ZZZ is not a known prison"], Problems(Rows(Smt("LEI"), Smt("ZZZ")), options: options));
    }

    [Theory]
    [InlineData(10, 2, false, false)] // 20% removed: allowed (not more than the share)
    [InlineData(10, 3, false, true)]  // 30% removed: refused
    [InlineData(10, 3, true, false)]  // forced
    [InlineData(4, 1, false, true)]   // 25% of a small directory
    public void Formats4_ShrinkGuard_RefusesRemovingMoreThanTheShareUnlessForced(int liveCount, int removed, bool force, bool refused)
    {
        var live = Enumerable.Range(1, liveCount).Select(index => Cjit($"CJIT-{index:D2}", $"LS{index}")).ToList();
        var incoming = Rows([.. live.Skip(removed)]);

        var problems = Problems(incoming, live, force: force);

        Assert.Equal(refused, problems.Any(problem => problem.StartsWith($"the file removes {removed} of {liveCount}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Formats4_Problems_AreInLineOrderWithFileLevelProblemsLast()
    {
        var live = Enumerable.Range(1, 5).Select(index => Cjit($"CJIT-{index:D2}", $"LS{index}")).ToList();
        var rows = new List<DirectoryRow>
        {
            new(7, Cjit("CJIT-01", "LS1") with { Email = "bad" }),
            new(3, Cjit("CJIT-02", "LS2") with { Phone24x7 = null }),
        };

        var problems = Problems(rows, live);

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("3: ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("7: ", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("the file removes 3 of 5", problems[2], StringComparison.Ordinal);
    }
}
