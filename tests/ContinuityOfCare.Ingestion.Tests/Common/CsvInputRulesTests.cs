using System.Text;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtResults;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>
/// formats.md (opening section): the rules every CSV input follows, checked through the court results parser
/// (any CSV parser would do: they share the reader).
/// </summary>
public class CsvInputRulesTests
{
    private const string Header = "court_code,hearing_date,surname,forenames,outcome";
    private const string Good1 = "B13LS,2026-12-24,Taylor,Dean,BAIL";
    private const string Good2 = "B13LS,2026-12-24,Shaw,Emma,NON_CUSTODIAL";

    private static readonly CourtResultsCsvParser Parser = new();

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task FormatsCsv_Utf8WithOrWithoutBom_CrlfOrLf_AllRead(bool bom, bool crlf)
    {
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Join(crlf, Header, Good1, Good2), bom), TestInput.Source));

        Assert.Null(result.FileRejection);
        Assert.Empty(result.Rejections);
        Assert.Equal([2, 3], result.Records.Select(r => r.Source.Line));
        Assert.Equal(["Taylor", "Shaw"], result.Records.Select(r => r.Person.Surname));
    }

    [Fact]
    public async Task FormatsCsv_HeaderNamesCaseInsensitiveAndInAnyOrder()
    {
        var text = TestInput.Lines("OUTCOME,Surname,FORENAMES,Hearing_Date,Court_Code", "bail,Taylor,Dean,2026-12-24,b13ls");
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(text), TestInput.Source));

        var record = Assert.Single(result.Records);
        Assert.Equal("B13LS", record.CourtCode);
        Assert.Equal(CourtOutcome.Bail, record.Outcome);
        Assert.Equal("Dean", record.Person.Forenames);
    }

    [Fact]
    public async Task FormatsCsv_UnknownColumns_OneWarningOnTheHeaderLine_RecordsStillRead()
    {
        var text = TestInput.Lines(Header + ",favourite_colour,shoe_size", Good1 + ",blue,9", Good2 + ",red,10");
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(text), TestInput.Source));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(new SourceRef(TestInput.Source, Line: 1), warning.Where);
        Assert.Equal("unknown columns ignored: favourite_colour, shoe_size", warning.Reason);
        Assert.Equal(2, result.Records.Count);
    }

    [Theory]
    [InlineData("court_code,hearing_date,forenames,outcome", "missing required column: surname")]
    [InlineData("court_code,hearing_date,forenames", "missing required columns: surname, outcome")]
    [InlineData("court_code,court_code,hearing_date,surname,forenames,outcome", "column court_code appears more than once in the header")]
    public async Task FormatsCsv_HeaderProblems_RejectTheWholeFileWithOneReason(string header, string reason)
    {
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Lines(header, Good1)), TestInput.Source));

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source), reason), result.FileRejection);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task FormatsCsv_EmptyFile_IsRejectedWhole()
    {
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(string.Empty), TestInput.Source));

        Assert.Equal("the file is empty: no header row", result.FileRejection?.Reason);
    }

    [Theory]
    [InlineData("B13LS,2026-12-24,Tay\"lor,Dean,BAIL", "bad quoting (RFC 4180): a quote inside an unquoted cell")]
    [InlineData("B13LS,2026-12-24,\"Taylor\"x,Dean,BAIL", "bad quoting (RFC 4180): text after a closing quote")]
    [InlineData("B13LS,2026-12-24,Taylor,Dean", "the row does not have as many cells as the header")]
    [InlineData("B13LS,2026-12-24,Taylor,Dean,BAIL,extra", "the row does not have as many cells as the header")]
    public async Task FormatsCsv_BadRow_IsRejectedWithItsLine_AndItsNeighboursSurvive(string badRow, string reason)
    {
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Lines(Header, Good1, badRow, Good2)), TestInput.Source));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(new SourceRef(TestInput.Source, Line: 3), rejection.Where);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal([2, 4], result.Records.Select(r => r.Source.Line));
    }

    [Fact]
    public async Task FormatsCsv_UnterminatedQuote_RejectsFromThatLine_EarlierRowsSurvive()
    {
        var text = TestInput.Lines(Header, Good1, "B13LS,2026-12-24,\"Taylor,Dean,BAIL", Good2);
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(text), TestInput.Source));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.Where.Line);
        Assert.StartsWith("bad quoting (RFC 4180): a quoted cell is never closed", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal([2], result.Records.Select(r => r.Source.Line));
    }

    [Fact]
    public async Task FormatsCsv_QuotedCellSpanningLines_LaterRecordsKeepTheirPhysicalLineNumbers()
    {
        var text = TestInput.Lines(Header + ",case_urn", Good1 + ",\"first line", "second line\"", Good2 + ",X1");
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(text), TestInput.Source));

        Assert.Equal([2, 4], result.Records.Select(r => r.Source.Line));
        Assert.Equal("first line second line", result.Records[0].CaseUrn);
    }

    [Fact]
    public async Task FormatsCsv_HugeCell_RejectsThatRowOnly()
    {
        var huge = new string('x', 5 * 1024 * 1024);
        var text = TestInput.Lines(Header, Good1, $"B13LS,2026-12-24,{huge},Dean,BAIL", Good2);
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(text), TestInput.Source));

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, Line: 3), "surname is longer than 10000 characters"), rejection);
        Assert.Equal([2, 4], result.Records.Select(r => r.Source.Line));
    }

    [Fact]
    public async Task IssueIngestion_OverTheSizeCap_SeekableStream_RejectedBeforeReading()
    {
        var parser = new CourtResultsCsvParser(new IngestionOptions { MaxFileBytes = 64 });
        var text = TestInput.Lines(Header, Good1, Good2);
        var items = await TestInput.ItemsAsync(parser.ParseAsync(TestInput.Utf8(text), TestInput.Source));

        var only = Assert.Single(items);
        Assert.True(only.IsFileRejection);
        Assert.Equal("the file is larger than the size cap (64 bytes)", only.Rejection!.Reason);
    }

    [Fact]
    public async Task IssueIngestion_OverTheSizeCap_NonSeekableStream_CountedWhileReading_NoRecordsUsed()
    {
        var lines = new[] { Header }.Concat(Enumerable.Repeat(Good1, 5000)).ToArray();
        var parser = new CourtResultsCsvParser(new IngestionOptions { MaxFileBytes = 100_000 });
        var result = await TestInput.CollectAsync(parser.ParseAsync(new NonSeekableStream(TestInput.Utf8(TestInput.Lines(lines))), TestInput.Source));

        Assert.Equal("the file is larger than the size cap (100000 bytes)", result.FileRejection?.Reason);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void IssueIngestion_DefaultSizeCap_Is200MB() =>
        Assert.Equal(200L * 1024 * 1024, IngestionOptions.Default.MaxFileBytes);

    [Fact]
    public async Task FormatsCsv_NotUtf8_Latin1_IsRejectedWhole()
    {
        var bytes = Encoding.Latin1.GetBytes(TestInput.Lines(Header, Good1, "B13LS,2026-12-24,Desirée,Zoë,BAIL"));
        var result = await TestInput.CollectAsync(Parser.ParseAsync(new MemoryStream(bytes), TestInput.Source));

        Assert.Equal(new Rejection(new SourceRef(TestInput.Source), "the file is not UTF-8 text"), result.FileRejection);
        Assert.Empty(result.Records);
    }

    [Fact]
    public async Task FormatsCsv_Utf16_IsRejectedWhole()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestInput.Lines(Header, Good1))).ToArray();
        var result = await TestInput.CollectAsync(Parser.ParseAsync(new MemoryStream(bytes), TestInput.Source));

        Assert.Equal("the file is not UTF-8 text", result.FileRejection?.Reason);
    }

    [Fact]
    public async Task FormatsCsv_NonAsciiUtf8_IsRead()
    {
        var result = await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Lines(Header, "B13LS,2026-12-24,Núñez,Zoë,BAIL")), TestInput.Source));

        Assert.Equal("Núñez", Assert.Single(result.Records).Person.Surname);
    }

    [Fact]
    public async Task ClientRegister_SameRules_ApplyToEveryCsvParser()
    {
        var result = await TestInput.CollectAsync(new ClientRegisterCsvParser().ParseAsync(TestInput.Utf8(TestInput.Lines("client_id,surname")), TestInput.Source));

        Assert.Equal("missing required columns: forenames, date_of_birth, consent", result.FileRejection?.Reason);
    }
}
