using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Tests.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.CourtResults;

/// <summary>formats.md §2: court results; the source of RemandedOrSentencedToPrison (000 Part 1, §PP1–PP4) and ReleasedFromCourt (000 §PP13/§PP14).</summary>
public class CourtResultsCsvParserTests
{
    private const string Header = "court_code,hearing_date,case_urn,surname,forenames,date_of_birth,pnc,cro,asn,noms_number,outcome,establishment,next_hearing_date,next_hearing_court,result_time";

    private static readonly CourtResultsCsvParser Parser = new();

    private static Task<IngestionResult<CourtResult>> ParseAsync(params string[] rows) =>
        TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Lines([Header, .. rows])), TestInput.Source));

    [Fact]
    public async Task FormatsCourtResults_FullRow_ReadsEveryColumn()
    {
        var result = await ParseAsync("b13ls,2026-12-24,13LS1234567,Taylor,Dean,1983-01-02,04/46583U,012345/99Z,26/01ZD/01/0000448754K,A1234BC,remanded_in_custody,HMP Leeds,2027-01-07,b13ls,2026-12-24T11:45");

        Assert.Empty(result.Warnings);
        var r = Assert.Single(result.Records);
        Assert.Equal(new SourceRef(TestInput.Source, Line: 2), r.Source);
        Assert.Equal("B13LS", r.CourtCode);
        Assert.Equal(new LocalDate(2026, 12, 24), r.HearingDate);
        Assert.Equal("13LS1234567", r.CaseUrn);
        Assert.Equal(new PersonParticulars("Taylor", "Dean", new LocalDate(1983, 1, 2), r.Person.Pnc, r.Person.Cro, r.Person.Noms, "2601ZD010000448754K"), r.Person);
        Assert.Equal("2004/0046583U", r.Person.Pnc?.Value);
        Assert.Equal("012345/99Z", r.Person.Cro?.Value);
        Assert.Equal("A1234BC", r.Person.Noms?.Value);
        Assert.Equal(CourtOutcome.RemandedInCustody, r.Outcome);
        Assert.Equal("LEI", r.Establishment);
        Assert.Equal(new LocalDate(2027, 1, 7), r.NextHearingDate);
        Assert.Equal("B13LS", r.NextHearingCourt);
        Assert.Equal(Instant.FromUtc(2026, 12, 24, 11, 45), r.ResultTime);
    }

    [Theory]
    [InlineData("REMANDED_IN_CUSTODY", CourtOutcome.RemandedInCustody)]
    [InlineData("SENTENCED_TO_CUSTODY", CourtOutcome.SentencedToCustody)]
    [InlineData("COMMITTED_IN_CUSTODY", CourtOutcome.CommittedInCustody)]
    [InlineData("BAIL", CourtOutcome.Bail)]
    [InlineData("NON_CUSTODIAL", CourtOutcome.NonCustodial)]
    [InlineData("NOT_GUILTY", CourtOutcome.NotGuilty)]
    [InlineData("DISCHARGED", CourtOutcome.Discharged)]
    [InlineData("ADJOURNED", CourtOutcome.Adjourned)]
    public async Task FormatsCourtResults_EveryOutcomeSpelling(string code, CourtOutcome outcome)
    {
        var result = await ParseAsync($"B13LS,2026-12-24,,Taylor,Dean,,,,,,{code},WDI,,,");

        Assert.Equal(outcome, Assert.Single(result.Records).Outcome);
    }

    [Theory]
    [InlineData("LEI", "LEI")]
    [InlineData("wdi", "WDI")]
    [InlineData("HMP Leeds", "LEI")]
    [InlineData("wakefield", "WDI")]
    public async Task FormatsCourtResults_Establishment_CodeOrReferenceListName(string establishment, string code)
    {
        var result = await ParseAsync($"B13LS,2026-12-24,,Taylor,Dean,,,,,,SENTENCED_TO_CUSTODY,{establishment},,,");

        Assert.Equal(code, Assert.Single(result.Records).Establishment);
    }

    [Theory]
    [InlineData("B13LS,2026-12-24,,Taylor,Dean,,,,,,REMANDED_IN_CUSTODY,,,,", "establishment is required for a custodial outcome")]
    [InlineData("B13LS,2026-12-24,,Taylor,Dean,,,,,,COMMITTED_IN_CUSTODY,HMP Nowhere,,,", "establishment is neither a NOMIS prison code nor a prison name on the reference list")]
    [InlineData("B13LS,2026-12-24,,Taylor,Dean,,,,,,LOCKED_UP,LEI,,,", "outcome is not one of REMANDED_IN_CUSTODY, SENTENCED_TO_CUSTODY, COMMITTED_IN_CUSTODY, BAIL, NON_CUSTODIAL, NOT_GUILTY, DISCHARGED, ADJOURNED")]
    [InlineData("B13LS,2026-12-24,,Taylor,Dean,,,,,,,,,,", "outcome is required")]
    [InlineData("B13LS,24/12/2026,,Taylor,Dean,,,,,,BAIL,,,,", "hearing_date is not a date (YYYY-MM-DD)")]
    [InlineData("B-13,2026-12-24,,Taylor,Dean,,,,,,BAIL,,,,", "court_code is not a court code (3–10 letters and digits)")]
    [InlineData(",2026-12-24,,,Dean,,,,,,BAIL,,,,", "court_code is required; surname is required")]
    public async Task FormatsCourtResults_BadRow_RejectedWithItsLine(string row, string reason)
    {
        var result = await ParseAsync("B13LS,2026-12-24,,Shaw,Emma,,,,,,BAIL,,,,", row);

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, Line: 3), reason), Assert.Single(result.Rejections));
        Assert.Equal("Shaw", Assert.Single(result.Records).Person.Surname);
    }

    [Fact]
    public async Task FormatsCourtResults_BadOptionalValues_AreWarningsAndTheResultIsKept()
    {
        var result = await ParseAsync("B13LS,2026-12-24,,Taylor,Dean,1983-02-30,2004/0046583V,,ABC1234,,BAIL,HMP Nowhere,next week,,noon");

        var r = Assert.Single(result.Records);
        Assert.Null(r.Person.DateOfBirth);
        Assert.Null(r.Person.Pnc);
        Assert.Null(r.Person.Asn);
        Assert.Null(r.Establishment);
        Assert.Null(r.NextHearingDate);
        Assert.Null(r.ResultTime);
        Assert.Equal(
            [
                "date_of_birth ignored: not a date (YYYY-MM-DD)",
                "establishment ignored: neither a NOMIS prison code nor a prison name on the reference list",
                "pnc ignored: PNC id check character is wrong",
                "asn ignored: ASN is not 16–20 letters and digits starting with a two-digit year and ending with a check letter",
                "next_hearing_date ignored: not a date (YYYY-MM-DD)",
                "result_time ignored: not YYYY-MM-DDTHH:MM (Europe/London) or an ISO-8601 instant with an offset; the ingestion time is used",
            ],
            result.Warnings.Select(w => w.Reason));
    }

    [Fact]
    public async Task FormatsCourtResults_ResultTimeInBst_IsReadAsLondonTime()
    {
        var result = await ParseAsync("B13LS,2026-07-01,,Taylor,Dean,,,,,,BAIL,,,,2026-07-01T10:30");

        Assert.Equal(Instant.FromUtc(2026, 7, 1, 9, 30), Assert.Single(result.Records).ResultTime);
    }
}
