using System.Text;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// Input files for the end-to-end tests, in the shapes of formats.md §2–§5 (written for these tests; fictional people,
/// secure-mail domains, valid NOMS numbers).
/// </summary>
public static class E2eFiles
{
    /// <summary>Leeds CJIT (home of LS postcodes), Wakefield CJIT, HMP Leeds (LEI) and HMP Wakefield (WDI) SMTs, the regional team.</summary>
    public static byte[] Directory => Csv(
        "org_code,org_type,org_name,spoc_name,email,phone,phone_24_7,escalation_email,postcode_districts,courts,court_worker_courts,effective_from",
        "LDSCJ,CJIT,Leeds CJIT,Duty SPOC,spoc@leeds-cjit.cjsm.net,0113 496 0101,0113 496 0199,manager@leeds-cjit.cjsm.net,LS1;LS2;LS6,B13LS,B13LS,2026-01-01",
        "WKFCJ,CJIT,Wakefield CJIT,,spoc@wakefield-cjit.cjsm.net,0113 496 0301,0113 496 0399,manager@wakefield-cjit.cjsm.net,WF1;WF2,B13WK,,2026-01-01",
        "LEI,PRISON_SMT,HMP Leeds SMT,,smt.lei@justice.gov.uk,0113 496 0401,,duty.lei@justice.gov.uk,,,,2026-01-01",
        "WDI,PRISON_SMT,HMP Wakefield SMT,,smt.wdi@justice.gov.uk,0113 496 0501,,duty.wdi@justice.gov.uk,,,,2026-01-01",
        "YHREG,REGIONAL_TEAM,Yorkshire regional team,,regional@yorks-dip.gov.uk,0113 496 0601,,lead@yorks-dip.gov.uk,,,,2026-01-01");

    /// <summary>The register header (formats.md §5).</summary>
    public const string ClientHeader =
        "client_id,surname,forenames,date_of_birth,gender,pnc,cro,noms_number,home_postcode,cjit_code,current_prison,release_date,consent,consent_scope,consent_date,legal_basis,ppo";

    /// <summary>
    /// E2E0001 consents to sharing with CJITs and SMTs (Leeds CJIT); E2E0002 has neither consent nor a legal basis;
    /// E2E0003 is in HMP Leeds with consent (released / transferred in the discharge tests).
    /// </summary>
    public static byte[] Clients => Csv(
        ClientHeader,
        "E2E0001,Ashdown,Peter James,1984-03-15,male,,,A1234BC,LS6 2AB,LDSCJ,,,yes,CJIT;PRISON_SMT,2026-06-01,,no",
        "E2E0002,Brackley,Simon,1979-11-02,male,,,B2345CD,LS1 4XY,LDSCJ,,,no,,,,no",
        "E2E0003,Carrow,Dean,1990-07-21,male,,,C3456DE,LS2 7QQ,LDSCJ,LEI,,yes,CJIT;PRISON_SMT,2026-05-01,,no");

    /// <summary>The court results header (formats.md §2).</summary>
    public const string ResultsHeader =
        "court_code,hearing_date,case_urn,surname,forenames,date_of_birth,pnc,cro,asn,noms_number,outcome,establishment,next_hearing_date,next_hearing_court,result_time";

    /// <summary>A court result remanding <paramref name="surname"/> (matched by NOMS number) to <paramref name="prison"/> at <paramref name="resultTime"/> (Europe/London).</summary>
    public static byte[] Remand(string surname, string forenames, string dateOfBirth, string noms, string prison, string resultTime) => Csv(
        ResultsHeader,
        $"B13LS,2026-12-24,13LS0000001,{surname},{forenames},{dateOfBirth},,,,{noms},REMANDED_IN_CUSTODY,{prison},,,{resultTime}");

    /// <summary>Peter Ashdown (consenting) remanded to HMP Leeds on Thu 24 Dec 2026 16:00.</summary>
    public static byte[] ConsentingRemand => Remand("Ashdown", "Peter James", "1984-03-15", "A1234BC", "LEI", "2026-12-24T16:00");

    /// <summary>Simon Brackley (no consent, no legal basis) remanded to HMP Leeds on Thu 24 Dec 2026 16:00.</summary>
    public static byte[] NonConsentingRemand => Remand("Brackley", "Simon", "1979-11-02", "B2345CD", "LEI", "2026-12-24T16:00");

    /// <summary>The discharge export header (formats.md §3).</summary>
    public const string DischargeHeader =
        "prison_code,noms_number,surname,forenames,date_of_birth,pnc,movement_date,movement_time,movement_type,movement_reason_code,to_agency,release_date";

    /// <summary>Dean Carrow released from HMP Leeds on Wed 23 Dec 2026 09:00 (conditional release).</summary>
    public static byte[] Release => Csv(
        DischargeHeader,
        "LEI,C3456DE,Carrow,Dean,1990-07-21,,2026-12-23,09:00,REL,CR,OUT,2026-12-23");

    /// <summary>Dean Carrow transferred from HMP Leeds to HMP Wakefield on Wed 23 Dec 2026 10:00.</summary>
    public static byte[] Transfer => Csv(
        DischargeHeader,
        "LEI,C3456DE,Carrow,Dean,1990-07-21,,2026-12-23,10:00,TRN,NOTR,WDI,");

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", rows) + "\r\n");

    /// <summary>A register of <paramref name="count"/> consenting Leeds clients E2E1001… with NOMS numbers D1001AB….</summary>
    public static byte[] ConsentingClients(int count) => Csv(
        [ClientHeader, .. Enumerable.Range(1, count).Select(i =>
            $"E2E{1000 + i},Batchley,Person{Letters(i)},1980-01-{i:00},male,,,D{1000 + i}AB,LS6 2AB,LDSCJ,,,yes,CJIT;PRISON_SMT,2026-06-01,,no")]);

    /// <summary>One court results file remanding each of <see cref="ConsentingClients"/> to HMP Leeds on 24 Dec 2026.</summary>
    public static byte[] Remands(int count) => Csv(
        [ResultsHeader, .. Enumerable.Range(1, count).Select(i =>
            $"B13LS,2026-12-24,13LS{i:0000000},Batchley,Person{Letters(i)},1980-01-{i:00},,,,D{1000 + i}AB,REMANDED_IN_CUSTODY,LEI,,,2026-12-24T15:{i:00}")]);

    private static string Letters(int i) => new((char)('a' + (i % 26)), 3);
}
