using System.Text;

namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>SPOC directory CSV fixtures in the shape of formats.md §4 (written for these tests).</summary>
public static class DirectoryFiles
{
    /// <summary>The header.</summary>
    public const string Header =
        "org_code,org_type,org_name,spoc_name,email,phone,phone_24_7,escalation_email,postcode_districts,courts,court_worker_courts,effective_from";

    /// <summary>A valid directory: two CJITs, two prison SMTs, a regional team.</summary>
    public static byte[] Valid => Csv(
        "CJIT-LDS,CJIT,Leeds CJIT,Duty SPOC,spoc@leeds.cjsm.net,0113 000 0001,0800 000 0001,manager@leeds.cjsm.net,LS1;LS2;LS6,B13HT,B13HT,2026-01-01",
        "CJIT-BFD,CJIT,Bradford CJIT,,spoc@bradford.cjsm.net,01274 000 001,0800 000 0002,manager@bradford.cjsm.net,BD1;BD2,B13BD,,2026-01-01",
        "LEI,PRISON_SMT,HMP Leeds SMT,,smt.lei@justice.gov.uk,0113 000 0002,,duty.lei@justice.gov.uk,,,,2026-01-01",
        "WYI,PRISON_SMT,HMP Wakefield SMT,,smt.wyi@justice.gov.uk,01924 000 001,,duty.wyi@justice.gov.uk,,,,2026-01-01",
        "REG-YH,REGIONAL_TEAM,Yorkshire regional team,,regional@yorks.gov.uk,0113 000 0003,,lead@yorks.gov.uk,,,,2026-01-01");

    /// <summary>An invalid refresh: a bad email on line 3, a duplicate code on line 5 (first on line 4), overlapping coverage on line 3.</summary>
    public static byte[] Invalid => Csv(
        "CJIT-LDS,CJIT,Leeds CJIT,Duty SPOC,spoc@leeds.cjsm.net,0113 000 0001,0800 000 0001,manager@leeds.cjsm.net,LS1;LS2;LS6,B13HT,B13HT,2026-02-01",
        "CJIT-BFD,CJIT,Bradford CJIT,,not-an-email,01274 000 001,0800 000 0002,manager@bradford.cjsm.net,BD1;LS6,B13BD,,2026-02-01",
        "LEI,PRISON_SMT,HMP Leeds SMT,,smt.lei@justice.gov.uk,0113 000 0002,,duty.lei@justice.gov.uk,,,,2026-02-01",
        "LEI,PRISON_SMT,HMP Leeds SMT again,,smt.lei@justice.gov.uk,0113 000 0002,,duty.lei@justice.gov.uk,,,,2026-02-01",
        "REG-YH,REGIONAL_TEAM,Yorkshire regional team,,regional@yorks.gov.uk,0113 000 0003,,lead@yorks.gov.uk,,,,2026-02-01");

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");
}
