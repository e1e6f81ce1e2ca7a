using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Directory;
using ContinuityOfCare.Ingestion.Discharges;

namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>
/// One input format under attack: a valid seed file from the committed samples, the file name it arrives under, whether
/// it is CSV or JSON (which hostile variants apply), and how its parser is driven to a <see cref="ParseOutcome"/>.
/// Records are drained, never kept, so a 200 MB stream costs no memory beyond the parser's own.
/// </summary>
internal sealed record HostileFormat(string Name, string SeedPath, string FileName, bool IsJson, Func<Stream, long, CancellationToken, Task<ParseOutcome>> Parse)
{
    public override string ToString() => Name;

    public byte[] Seed() => File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, SeedPath));

    public static IReadOnlyList<HostileFormat> All { get; } =
    [
        new("magistrates court list", "samples/court-lists/B13LS__2026-12-24.json", "B13LS__2026-12-24.json", true,
            (stream, cap, ct) => DrainAsync(new CourtListParser(Options(cap)).ParseAsync(stream, "B13LS__2026-12-24.json", null, ct), listing => listing.Source.Line)),
        new("crown court list", "samples/court-lists/439__2026-12-24.json", "439__2026-12-24.json", true,
            (stream, cap, ct) => DrainAsync(new CourtListParser(Options(cap)).ParseAsync(stream, "439__2026-12-24.json", null, ct), listing => listing.Source.Line)),
        new("court results", "samples/court-results/court-results_2026-12-24.csv", "court-results_2026-12-24.csv", false,
            (stream, cap, ct) => DrainAsync(new CourtResultsCsvParser(Options(cap)).ParseAsync(stream, "court-results_2026-12-24.csv", ct), result => result.Source.Line)),
        new("discharge export", "samples/discharges/LEI_2026-12-24.csv", "LEI_2026-12-24.csv", false,
            (stream, cap, ct) => DrainAsync(new DischargeExportCsvParser(Options(cap)).ParseAsync(stream, "LEI_2026-12-24.csv", ct), movement => movement.Source.Line)),
        new("client register", "samples/clients.csv", "clients.csv", false,
            (stream, cap, ct) => DrainAsync(new ClientRegisterCsvParser(Options(cap)).ParseAsync(stream, "clients.csv", ct), _ => null)),
        new("SPOC directory", "samples/directory.csv", "directory.csv", false, ParseDirectoryAsync),
        new("bank holidays", "functions/ContinuityOfCare.Ingestion/BankHolidays/england-and-wales.json", "bank-holidays.json", true, ParseBankHolidaysAsync),
    ];

    private static IngestionOptions Options(long cap) => IngestionOptions.Default with { MaxFileBytes = cap };

    private static async Task<ParseOutcome> DrainAsync<T>(IAsyncEnumerable<ParsedItem<T>> items, Func<T, int?> lineOf)
        where T : class
    {
        var records = 0;
        var lines = new List<int>();
        var rejections = new List<Rejection>();
        var warnings = new List<Rejection>();
        Rejection? file = null;
        await foreach (var item in items)
        {
            if (item.IsRecord)
            {
                records++;
                if (lineOf(item.Record!) is { } line)
                {
                    lines.Add(line);
                }
            }
            else if (item.IsFileRejection)
            {
                file ??= item.Rejection;
            }
            else if (item.IsWarning)
            {
                warnings.Add(item.Rejection!);
            }
            else
            {
                rejections.Add(item.Rejection!);
            }
        }

        return new ParseOutcome(file is null ? records : 0, file is null ? lines : [], rejections, warnings, file);
    }

    private static async Task<ParseOutcome> ParseDirectoryAsync(Stream stream, long cap, CancellationToken cancellationToken)
    {
        var result = await new SpocDirectoryParser(new SpocDirectoryParserOptions { MaxFileBytes = Math.Min(cap, new SpocDirectoryParserOptions().MaxFileBytes) })
            .ParseAsync(stream, "directory.csv", cancellationToken);
        return new ParseOutcome(result.Rows.Count, [], result.Problems, result.Warnings, result.FileRejection);
    }

    /// <summary>The bank-holidays file is all or nothing: its one documented failure is <see cref="BankHolidayFileException"/>.</summary>
    private static async Task<ParseOutcome> ParseBankHolidaysAsync(Stream stream, long cap, CancellationToken cancellationToken)
    {
        try
        {
            var holidays = await BankHolidayFileParser.ParseAsync(stream, cancellationToken);
            return new ParseOutcome(holidays.Count, [], [], [], null);
        }
        catch (BankHolidayFileException exception)
        {
            return new ParseOutcome(0, [], [], [], new Rejection(new SourceRef("bank-holidays.json"), exception.Message));
        }
    }
}
