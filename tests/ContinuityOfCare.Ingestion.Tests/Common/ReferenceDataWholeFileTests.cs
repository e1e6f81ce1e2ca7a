using System.Text;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Directory;
using ContinuityOfCare.Ingestion.Discharges;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>
/// docs/formats.md "Reference data: whole file or nothing": a quoted cell never closed refuses a client register or SPOC
/// directory whole (nothing of it is used), while a feed file keeps the rows before the break. Table-driven over every
/// CSV kind, each the committed sample with a quote opened and never closed on its fifth line.
/// </summary>
public class ReferenceDataWholeFileTests
{
    public static TheoryData<string, bool> Kinds => new()
    {
        { "clients.csv", true },
        { "directory.csv", true },
        { "court-results/court-results_2026-12-24.csv", false },
        { "discharges/WDI_2026-12-24.csv", false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_unterminated_quote_refuses_reference_data_whole_and_keeps_the_good_rows_of_a_feed(string sample, bool wholeFileOrNothing)
    {
        var lines = (await File.ReadAllTextAsync(Path.Combine(SamplesFolder(), sample))).Split('\n');
        Assert.True(lines.Length > 6, "the sample needs rows after the break");
        var comma = lines[4].IndexOf(',', StringComparison.Ordinal);
        lines[4] = lines[4][..(comma + 1)] + "\"" + lines[4][(comma + 1)..];
        var broken = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var (records, fileRejection, rowRejections) = await ParseAsync(sample, broken);

        if (wholeFileOrNothing)
        {
            Assert.NotNull(fileRejection);
            Assert.StartsWith("line 5: bad quoting (RFC 4180): a quoted cell is never closed", fileRejection, StringComparison.Ordinal);
            Assert.Contains("the file is refused and the version in force stays live", fileRejection, StringComparison.Ordinal);
            Assert.Equal(0, records);
        }
        else
        {
            Assert.Null(fileRejection);
            Assert.Equal(3, records);
            Assert.Equal([5], rowRejections);
        }
    }

    private static async Task<(int Records, string? FileRejection, List<int?> RowRejections)> ParseAsync(string sample, Stream content)
    {
        const string name = "broken.csv";
        switch (sample)
        {
            case "directory.csv":
                var directory = await new SpocDirectoryParser().ParseAsync(content, name);
                return (directory.Rows.Count, directory.FileRejection?.Reason, [.. directory.Problems.Select(p => p.Where.Line)]);
            case "clients.csv":
                return Summarise(await IngestionResult<Core.Clients.Client>.CollectAsync(name, new ClientRegisterCsvParser().ParseAsync(content, name)));
            case var _ when sample.StartsWith("court-results", StringComparison.Ordinal):
                return Summarise(await IngestionResult<Core.Inputs.CourtResult>.CollectAsync(name, new CourtResultsCsvParser().ParseAsync(content, name)));
            default:
                return Summarise(await IngestionResult<Core.Inputs.DischargeMovement>.CollectAsync(name, new DischargeExportCsvParser().ParseAsync(content, name)));
        }
    }

    private static (int, string?, List<int?>) Summarise<T>(IngestionResult<T> result)
        where T : class => (result.Records.Count, result.FileRejection?.Reason, [.. result.Rejections.Select(r => r.Where.Line)]);

    private static string SamplesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContinuityOfCare.sln")))
            {
                return Path.Combine(folder.FullName, "samples");
            }
        }

        throw new InvalidOperationException("ContinuityOfCare.sln not found above the test assembly");
    }
}
