using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.Discharges;
using ContinuityOfCare.Ingestion.Tests.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Discharges;

/// <summary>formats.md §3: the prison discharge export (000 Annex D: the previous day's Discharge List).</summary>
public class DischargeExportCsvParserTests
{
    private const string Header = "prison_code,noms_number,surname,forenames,date_of_birth,pnc,movement_date,movement_time,movement_type,movement_reason_code,to_agency,release_date";

    private static readonly DischargeExportCsvParser Parser = new();

    private static Task<IngestionResult<DischargeMovement>> ParseAsync(params string[] rows) =>
        TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Lines([Header, .. rows])), TestInput.Source));

    [Fact]
    public async Task FormatsDischarges_ReleaseRow_ReadsEveryColumn()
    {
        var result = await ParseAsync("lei,a1234bc,Taylor,Dean,1983-01-02,04/46583U,2026-12-23,09:15,rel,cr,out,2026-12-23");

        Assert.Empty(result.Warnings);
        var m = Assert.Single(result.Records);
        Assert.Equal(new SourceRef(TestInput.Source, Line: 2), m.Source);
        Assert.Equal("LEI", m.PrisonCode);
        Assert.Equal("A1234BC", m.Person.Noms?.Value);
        Assert.Equal("2004/0046583U", m.Person.Pnc?.Value);
        Assert.Equal(("Taylor", "Dean", new LocalDate(1983, 1, 2)), (m.Person.Surname, m.Person.Forenames, m.Person.DateOfBirth));
        Assert.Equal(Instant.FromUtc(2026, 12, 23, 9, 15), m.MovedAt);
        Assert.Equal(MovementType.Release, m.MovementType);
        Assert.Equal("CR", m.ReasonCode);
        Assert.Equal("OUT", m.ToAgency);
        Assert.Equal(new LocalDate(2026, 12, 23), m.ReleaseDate);
    }

    [Theory]
    [InlineData("REL", "SC", "OUT", MovementType.Release)]
    [InlineData("TRN", "NOTR", "WDI", MovementType.Transfer)]
    [InlineData("CRT", "CRT", "B13LS", MovementType.Court)]
    [InlineData("TAP", "PR", "OUT", MovementType.TemporaryAbsence)]
    [InlineData("REL", "MRG", "OUT", MovementType.Release)] // docs/domain.md "The journey as events": MRG is kept as parsed; routing ignores it
    [InlineData("REL", "DEC", "OUT", MovementType.Release)]
    public async Task FormatsDischarges_MovementTypesAndReasons_KeptAsParsed(string type, string reason, string to, MovementType expected)
    {
        var result = await ParseAsync($"LEI,A1234BC,Taylor,Dean,1983-01-02,,2026-12-23,09:15,{type},{reason},{to},");

        Assert.Empty(result.Warnings);
        var m = Assert.Single(result.Records);
        Assert.Equal((expected, reason, to), (m.MovementType, m.ReasonCode, m.ToAgency));
    }

    [Theory]
    [InlineData("LEI,A1234BC,Taylor,Dean,1983-01-02,,2026-12-23,09:15,ESC,UAL,OUT,", "movement_type is not one of REL, TRN, CRT, TAP")]
    [InlineData("LEI,,Taylor,Dean,1983-01-02,,2026-12-23,09:15,REL,CR,OUT,", "noms_number is required")]
    [InlineData("LEEDS,A1234BC,Taylor,Dean,1983-01-02,,2026-12-23,09:15,REL,CR,OUT,", "prison_code is not a NOMIS prison code (three letters)")]
    [InlineData("LEI,A1234BC,Taylor,Dean,1983-01-02,,2026-12-23,9.15am,REL,CR,OUT,", "movement_time is not a time (HH:MM, 24-hour)")]
    [InlineData("LEI,A1234BC,Taylor,Dean,1983-01-02,,2026-12-23,25:00,REL,CR,OUT,", "movement_time is not a time (HH:MM, 24-hour)")]
    [InlineData("LEI,A1234BC,Taylor,Dean,1983-01-02,,,09:15,REL,CR,OUT,", "movement_date is required")]
    [InlineData("LEI,A1234BC,Taylor,Dean,1983-01-02,,2026-12-23,09:15,REL,C-R,OUT,", "movement_reason_code is not a NOMIS reason code (1–5 letters and digits)")]
    [InlineData("LEI,A1234BC,Taylor,Dean,,,2026-12-23,09:15,REL,CR,,", "date_of_birth is required; to_agency is required")]
    public async Task FormatsDischarges_BadRow_RejectedWithItsLine_OthersSurvive(string row, string reason)
    {
        var result = await ParseAsync(row, "WDI,B2345CD,Shaw,Emma,1990-05-06,,2026-12-23,10:00,TRN,NOTR,LEI,");

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, Line: 2), reason), Assert.Single(result.Rejections));
        Assert.Equal("WDI", Assert.Single(result.Records).PrisonCode);
    }

    [Fact]
    public async Task FormatsDischarges_InvalidNomsOrPncOrUnknownReason_WarnedAndNotUsed()
    {
        var result = await ParseAsync("LEI,A123BC,Taylor,Dean,1983-01-02,2004/0046583V,2026-12-23,09:15,REL,ZZ,OUT,soon");

        var m = Assert.Single(result.Records);
        Assert.Null(m.Person.Noms);
        Assert.Null(m.Person.Pnc);
        Assert.Null(m.ReleaseDate);
        Assert.Equal("ZZ", m.ReasonCode);
        Assert.Equal(
            [
                "noms_number ignored: NOMS number is not of the form A1234BC",
                "pnc ignored: PNC id check character is wrong",
                "movement_reason_code is not one of the reason codes formats.md §3 lists; kept as given",
                "release_date ignored: not a date (YYYY-MM-DD)",
            ],
            result.Warnings.Select(w => w.Reason));
    }

    [Theory]
    [InlineData("2026-03-29", "01:30", "2026-03-29T01:30:00Z")] // skipped by the spring change → the later side (02:30 BST)
    [InlineData("2026-10-25", "01:30", "2026-10-25T00:30:00Z")] // repeated by the autumn change → the earlier (BST) instant
    [InlineData("2026-07-01", "09:00", "2026-07-01T08:00:00Z")]
    [InlineData("2026-12-24", "09:00", "2026-12-24T09:00:00Z")]
    public async Task FormatsDischarges_MovementTime_EuropeLondon_DstResolvedExplicitly(string date, string time, string instant)
    {
        var result = await ParseAsync($"LEI,A1234BC,Taylor,Dean,1983-01-02,,{date},{time},REL,CR,OUT,");

        Assert.Equal(instant, Assert.Single(result.Records).MovedAt.ToString());
    }
}
