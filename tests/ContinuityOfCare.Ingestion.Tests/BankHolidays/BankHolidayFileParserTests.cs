using System.Text;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.BankHolidays;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.BankHolidays;

/// <summary>formats.md §6: the GOV.UK bank-holidays JSON, england-and-wales division only; unusable files rejected whole.</summary>
public sealed class BankHolidayFileParserTests
{
    private const string TwoYears = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true},
              {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day", "bunting": true},
              {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true}
            ]
          },
          "scotland": {"division": "scotland", "events": [{"title": "2nd January", "date": "2027-01-04", "notes": "Substitute day", "bunting": true}]},
          "northern-ireland": {"division": "northern-ireland", "events": [{"title": "St Patrick’s Day", "date": "2027-03-17", "notes": "", "bunting": true}]}
        }
        """;

    private static IReadOnlyList<BankHoliday> Parse(string json) => BankHolidayFileParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_FormatsSection6_KeepsOnlyEnglandAndWales()
    {
        var holidays = Parse(TwoYears);

        Assert.Equal(
            [new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 28), new LocalDate(2027, 1, 1)],
            holidays.Select(h => h.Date));
        Assert.Equal("Boxing Day", holidays[1].Title);
        Assert.Equal("Substitute day", holidays[1].Notes);
        Assert.DoesNotContain(holidays, h => h.Date == new LocalDate(2027, 1, 4)); // Scotland's 2nd January
        Assert.DoesNotContain(holidays, h => h.Date == new LocalDate(2027, 3, 17)); // Northern Ireland
    }

    [Fact]
    public async Task ParseAsync_FormatsSection6_ReadsAStreamWithABom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TwoYears)).ToArray();
        using var stream = new MemoryStream(bytes);

        var holidays = await BankHolidayFileParser.ParseAsync(stream, CancellationToken.None);

        Assert.Equal(3, holidays.Count);
    }

    [Fact]
    public async Task ParseAsync_FormatsSection6_HonoursCancellation()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TwoYears));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BankHolidayFileParser.ParseAsync(stream, cancelled.Token));
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "   \n", "empty" },
        { "{\"england-and-wales\": ", "not valid JSON" },
        { "<html>Service unavailable</html>", "not valid JSON" },
        { "[]", "must be a JSON object" },
        { "{\"scotland\": {\"division\": \"scotland\", \"events\": []}}", "no \"england-and-wales\" division" },
        { "{\"england-and-wales\": []}", "division must be an object" },
        { "{\"england-and-wales\": {\"division\": \"scotland\", \"events\": []}}", "\"division\" field must be" },
        { "{\"england-and-wales\": {\"division\": \"england-and-wales\"}}", "\"events\" array" },
        { "{\"england-and-wales\": {\"events\": []}}", "lists no events" },
        { "{\"england-and-wales\": {\"events\": [42]}}", "Each event must be an object" },
        { "{\"england-and-wales\": {\"events\": [{\"title\": \"X\"}]}}", "no \"date\" text" },
        { "{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2026-02-30\"}]}}", "\"2026-02-30\" is not a YYYY-MM-DD" },
        { "{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"25/12/2026\"}]}}", "is not a YYYY-MM-DD" },
        { "{\"england-and-wales\": {\"events\": [{\"title\": \"X\", \"date\": \"2026-12-25T00:00\"}]}}", "is not a YYYY-MM-DD" },
        { "{\"england-and-wales\": {\"events\": [{\"date\": \"2026-12-25\"}]}}", "no \"title\" text" },
        { "{\"england-and-wales\": {\"events\": [{\"title\": \"  \", \"date\": \"2026-12-25\"}]}}", "no \"title\" text" },
        {
            "{\"england-and-wales\": {\"events\": [{\"title\": \"A\", \"date\": \"2025-12-25\"}, {\"title\": \"B\", \"date\": \"2027-12-27\"}]}}",
            "no holiday in 2026"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Parse_FormatsSection6_MalformedFilesAreRejectedWithAClearMessage(string json, string messageSays)
    {
        var error = Assert.Throws<BankHolidayFileException>(() => Parse(json));

        Assert.Contains(messageSays, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormatsSection6_ErrorNamesTheJsonPath()
    {
        var error = Assert.Throws<BankHolidayFileException>(() => Parse(
            "{\"england-and-wales\": {\"events\": [{\"title\": \"A\", \"date\": \"2026-12-25\"}, {\"title\": \"B\", \"date\": \"2026-13-01\"}]}}"));

        Assert.Equal("$['england-and-wales'].events[1].date", error.JsonPath);
        Assert.EndsWith("(at $['england-and-wales'].events[1].date)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormatsSection6_RejectsFilesOverTheSizeCap()
    {
        var json = "{\"england-and-wales\": {\"events\": []}, \"padding\": \"" + new string('x', BankHolidayFileParser.MaxBytes) + "\"}";

        var error = Assert.Throws<BankHolidayFileException>(() => Parse(json));

        Assert.Contains("cap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_FormatsSection6_RejectsStreamsOverTheSizeCap()
    {
        using var stream = new MemoryStream(new byte[BankHolidayFileParser.MaxBytes + 1]);

        var error = await Assert.ThrowsAsync<BankHolidayFileException>(() => BankHolidayFileParser.ParseAsync(stream, CancellationToken.None));

        Assert.Contains("cap", error.Message, StringComparison.Ordinal);
    }
}
