using System.Text;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Ingestion.Directory;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Directory;

/// <summary>formats.md §4 and the CSV rules of formats.md's opening section.</summary>
public sealed class SpocDirectoryParserTests
{
    private const string Header =
        "org_code,org_type,org_name,spoc_name,email,phone,phone_24_7,escalation_email,postcode_districts,courts,court_worker_courts,effective_from";

    private const string LeedsCjit =
        "CJIT-LDS,CJIT,Leeds CJIT,Duty SPOC,spoc@leeds.cjsm.net,0113 000 0001,0800 000 0001,manager@leeds.cjsm.net,LS1;ls2;LS6,B13HT;B13LE,B13HT,2026-01-01";

    private const string LeedsPrison =
        "LEI,PRISON_SMT,HMP Leeds SMT,,smt.lei@justice.gov.uk,0113 000 0002,,duty.lei@justice.gov.uk,,,,2026-01-01";

    private static Task<SpocDirectoryParseResult> ParseAsync(string text, bool bom = false, SpocDirectoryParserOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        return new SpocDirectoryParser(options).ParseAsync(new MemoryStream(bytes), "spoc.csv");
    }

    [Fact]
    public async Task Formats4_CourtNames_MapCourtHouseNamesToTheRowsCourts()
    {
        var header = Header.Replace(",effective_from", ",court_names,effective_from", StringComparison.Ordinal);
        var row = LeedsCjit.Replace(",2026-01-01", ",\"B13HT=Leeds Magistrates' Court; B13LE = Leeds Youth Court\",2026-01-01", StringComparison.Ordinal);
        var result = await ParseAsync($"{header}\n{row}\n{LeedsPrison.Replace(",2026-01-01", ",,2026-01-01", StringComparison.Ordinal)}\n");

        Assert.Empty(result.Problems);
        var names = result.Rows[0].Entry.CourtNames!;
        Assert.Equal("B13HT", names["Leeds Magistrates' Court"]);
        Assert.Equal("B13LE", names["leeds youth court"]);
        Assert.Null(result.Rows[1].Entry.CourtNames);
    }

    [Theory]
    [InlineData("B99XX=Somewhere Court", "court_names names court B99XX, which is not in courts")]
    [InlineData("Leeds Magistrates' Court", "court_names has an entry that is not CODE=court house name")]
    [InlineData("B13HT=Leeds;B13LE=LEEDS", "court_names gives one court house name twice")]
    public async Task Formats4_CourtNames_BadEntriesRejectTheRow(string cell, string reason)
    {
        var header = Header.Replace(",effective_from", ",court_names,effective_from", StringComparison.Ordinal);
        var row = LeedsCjit.Replace(",2026-01-01", $",\"{cell}\",2026-01-01", StringComparison.Ordinal);
        var result = await ParseAsync($"{header}\n{row}\n");

        Assert.Empty(result.Rows);
        Assert.Equal(reason, Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public async Task Formats4_ValidFile_ReadsEveryEntryWithItsLine()
    {
        var result = await ParseAsync($"{Header}\n{LeedsCjit}\n{LeedsPrison}\n");

        Assert.Null(result.FileRejection);
        Assert.Empty(result.Problems);
        Assert.Equal([2, 3], result.Rows.Select(row => row.Line));
        var cjit = result.Rows[0].Entry;
        Assert.Equal("CJIT-LDS", cjit.OrgCode);
        Assert.Equal(OrgType.Cjit, cjit.OrgType);
        Assert.Equal(["LS1", "LS2", "LS6"], cjit.PostcodeDistricts);
        Assert.Equal(["B13HT", "B13LE"], cjit.Courts);
        Assert.Equal(["B13HT"], cjit.CourtWorkerCourts);
        Assert.Equal(new LocalDate(2026, 1, 1), cjit.EffectiveFrom);
        var prison = result.Rows[1].Entry;
        Assert.Equal(OrgType.PrisonSmt, prison.OrgType);
        Assert.Null(prison.SpocName);
        Assert.Empty(prison.PostcodeDistricts);
    }

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\n")]
    [InlineData(false, "\r\n")]
    [InlineData(true, "\r\n")]
    public async Task FormatsCsvRules_BomAndLineEndings_ReadTheSame(bool bom, string newline)
    {
        var result = await ParseAsync(string.Join(newline, Header, LeedsCjit, LeedsPrison) + newline, bom);

        Assert.Null(result.FileRejection);
        Assert.Empty(result.Problems);
        Assert.Equal(["CJIT-LDS", "LEI"], result.Rows.Select(row => row.Entry.OrgCode));
        Assert.Equal("0113 000 0002", result.Rows[1].Entry.Phone);
    }

    [Fact]
    public async Task FormatsCsvRules_HeaderCaseAndColumnOrderAreFree_UnknownColumnsWarned()
    {
        const string text = "Effective_From,EMAIL,Org_Type,org_code,favourite_colour,org_name,phone,escalation_email\n"
            + "2026-02-01,regional@yorks.gov.uk,REGIONAL_TEAM,REG-YH,blue,Yorkshire regional team,0113 000 0003,lead@yorks.gov.uk\n";

        var result = await ParseAsync(text);

        Assert.Null(result.FileRejection);
        var entry = Assert.Single(result.Rows).Entry;
        Assert.Equal(OrgType.RegionalTeam, entry.OrgType);
        Assert.Equal("REG-YH", entry.OrgCode);
        var warning = Assert.Single(result.Warnings);
        Assert.True(warning.IsWarning);
        Assert.Contains("favourite_colour", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatsCsvRules_MissingRequiredColumns_RejectsTheWholeFileWithOneReason()
    {
        var result = await ParseAsync("org_code,org_type,org_name,phone,effective_from\nLEI,PRISON_SMT,HMP Leeds,0113,2026-01-01\n");

        Assert.NotNull(result.FileRejection);
        Assert.Null(result.FileRejection.Where.Line);
        Assert.Equal("missing required column(s): email, escalation_email", result.FileRejection.Reason);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task FormatsCsvRules_BadRows_AreReportedWithTheirLineNumbers_GoodRowsKept()
    {
        var text = string.Join("\n",
            Header,
            LeedsCjit,
            "XYZ,PRISON_TEAM,Somewhere,,a@b.gov.uk,1,,c@d.gov.uk,,,,2026-01-01",
            "ABC,PRISON_SMT,,,a@b.gov.uk,1,,c@d.gov.uk,,,,01/01/2026",
            "short,row",
            LeedsPrison) + "\n";

        var result = await ParseAsync(text);

        Assert.Equal(["CJIT-LDS", "LEI"], result.Rows.Select(row => row.Entry.OrgCode));
        Assert.Equal([2, 6], result.Rows.Select(row => row.Line));
        Assert.Contains(result.Problems, p => p.Where.Line == 3 && p.Reason.Contains("org_type PRISON_TEAM", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Where.Line == 4 && p.Reason == "org_name is required");
        Assert.Contains(result.Problems, p => p.Where.Line == 4 && p.Reason.Contains("effective_from", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Where.Line == 5);
    }

    [Fact]
    public async Task FormatsCsvRules_QuotedCellSpanningLines_LaterLinesKeepTheirRealNumbers()
    {
        var text = string.Join("\n",
            Header,
            "CJIT-LDS,CJIT,\"Leeds CJIT\nCity team\",,spoc@leeds.cjsm.net,1,2,m@leeds.cjsm.net,LS1,B13HT,,2026-01-01",
            "BAD,CJIT,x,,spoc@leeds.cjsm.net,1,2,m@leeds.cjsm.net,LS2,B13HT,,not-a-date") + "\n";

        var result = await ParseAsync(text);

        Assert.Equal("Leeds CJIT\nCity team", Assert.Single(result.Rows).Entry.OrgName);
        Assert.Equal(4, Assert.Single(result.Problems).Where.Line);
    }

    [Fact]
    public async Task FormatsCsvRules_HugeField_RejectsItsRowNotTheFile()
    {
        var huge = new string('x', 5_000);
        var text = $"{Header}\n{LeedsCjit}\nBIG,PROBATION,{huge},,a@b.gov.uk,1,,c@d.gov.uk,,,,2026-01-01\n";

        var result = await ParseAsync(text);

        Assert.Null(result.FileRejection);
        Assert.Single(result.Rows);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Where.Line);
        Assert.Equal("org_name is longer than 1000 characters", problem.Reason);
    }

    [Fact]
    public async Task ArchitectureSecurityRules_FileOverTheSizeCap_IsRejectedWhole()
    {
        var text = $"{Header}\n{LeedsCjit}\n{LeedsPrison}\n";

        var result = await ParseAsync(text, options: new SpocDirectoryParserOptions { MaxFileBytes = 100 });

        Assert.NotNull(result.FileRejection);
        Assert.Contains("larger than the size cap (100 bytes)", result.FileRejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormatsCsvRules_NotUtf8_IsRejectedWhole()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes(Header + "\nLEI,PRISON_SMT,HMP Leeds "), 0xE9, .. Encoding.ASCII.GetBytes(",,a@b.gov.uk,1,,c@d.gov.uk,,,,2026-01-01\n")];

        var result = await new SpocDirectoryParser().ParseAsync(new MemoryStream(latin1), "spoc.csv");

        Assert.Equal("the file is not valid UTF-8 text", result.FileRejection?.Reason);
    }

    [Fact]
    public async Task Formats4_BadEmailAndDuplicateCode_AreFoundByValidationWithLineNumbers()
    {
        var text = string.Join("\n",
            Header,
            LeedsCjit,
            LeedsPrison,
            "LEI,PRISON_SMT,HMP Leeds again,,not-an-email,1,,duty.lei@justice.gov.uk,,,,2026-01-01") + "\n";

        var parsed = await ParseAsync(text);
        var problems = DirectoryValidator.Validate("spoc.csv", parsed.Rows, live: null, new DirectoryValidationOptions(), force: false);

        Assert.Empty(parsed.Problems);
        Assert.Contains(problems, p => p.Where.Line == 4 && p.Reason == "email is not a valid email address");
        var duplicate = Assert.Single(problems, p => p.Reason.Contains("also used", StringComparison.Ordinal));
        Assert.Equal(4, duplicate.Where.Line);
        Assert.Contains("line 3", duplicate.Reason, StringComparison.Ordinal);
    }
}
