using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using Xunit;
using Xunit.Abstractions;

namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>
/// docs/formats.md "Bad input": for every input format, hostile bytes at volume — at least 10,000 seeded variants of a
/// valid file per format per run (<c>COC_HOSTILE_CASES</c> raises it) — never make a parser throw anything but its
/// documented rejection, never hang (each case bounded), never lose the reason; past the size cap a file is refused whole
/// without being read to its end; and in a file mixing good and bad rows every good row is kept and every bad one is
/// rejected with its line — nothing is dropped silently. docs/reliability.md gives the figures.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    /// <summary>A case that takes longer than this is a hang (the slowest legitimate case, a 1 MB cell, takes well under a second).</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(20);

    private static readonly int CasesPerFormat =
        int.TryParse(Environment.GetEnvironmentVariable("COC_HOSTILE_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0 ? cases : 10_000;

    public static TheoryData<string> Formats => new(HostileFormat.All.Select(format => format.Name));

    public static TheoryData<string> CsvFeedAndRegisterFormats => new("court results", "discharge export", "client register");

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Hostile_variants_never_throw_hang_or_lose_the_reason(string name)
    {
        var format = Format(name);
        var failures = new List<string>();
        var (whole, partial, refused, tried) = (0, 0, 0, 0);
        foreach (var hostile in new HostileInputs(format.Seed(), format.IsJson, randomSeed: name.Length * 7919).Generate(CasesPerFormat))
        {
            tried++;
            ParseOutcome outcome;
            try
            {
                outcome = await Task.Run(() => format.Parse(new MemoryStream(hostile.Bytes, writable: false), IngestionOptions.DefaultMaxFileBytes, CancellationToken.None))
                    .WaitAsync(PerCase);
            }
            catch (TimeoutException)
            {
                failures.Add($"{hostile}: still parsing after {PerCase.TotalSeconds:0} s");
                continue;
            }
            catch (Exception exception)
            {
                failures.Add($"{hostile}: threw {exception.GetType().Name}: {exception.Message}");
                continue;
            }

            failures.AddRange(Problems(outcome).Select(problem => $"{hostile}: {problem}"));
            if (outcome.FileRejection is not null)
            {
                refused++;
            }
            else if (outcome.Rejections.Count > 0)
            {
                partial++;
            }
            else
            {
                whole++;
            }
        }

        output.WriteLine($"{format.Name}: {tried} hostile cases — {refused} refused whole, {partial} with rejected records, {whole} read without rejection; {failures.Count} failures");
        Assert.True(tried >= CasesPerFormat, $"only {tried} cases were generated");
        Assert.True(refused > 0 && partial + whole > 0, "the generator should produce both files refused whole and files read");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    /// <summary>
    /// A 200 MB file — past every cap (feeds 200 MB, the directory 5 MB, bank holidays 1 MB) — is refused whole with the
    /// cap in MB. Not seekable, so the parser cannot look at the length first: it must stop reading at its cap. Seekable,
    /// it must refuse before reading at all.
    /// </summary>
    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Past_the_size_cap_a_file_is_refused_whole_without_being_read_to_its_end(string name)
    {
        var format = Format(name);
        // Valid all the way to the cap: JSON, an array of 1 KB strings; CSV, the sample's rows over and over.
        var (head, body) = format.IsJson
            ? ("{\"padding\":["u8.ToArray(), Encoding.UTF8.GetBytes($"\"{new string('x', 1000)}\","))
            : (FirstLine(format.Seed()), RowsAfterHeader(format.Seed()));
        // Well past the cap: a parser that reads in 1 MB buffers still stops before the end.
        const long length = IngestionOptions.DefaultMaxFileBytes + (16 * 1024 * 1024);
        foreach (var seekable in new[] { false, true })
        {
            var stream = new EndlessStream(head, body, length, seekable);

            var outcome = await Task.Run(() => format.Parse(stream, IngestionOptions.DefaultMaxFileBytes, CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(2));

            Assert.NotNull(outcome.FileRejection);
            Assert.Matches(@"larger than the size cap \(\d+ MB\)", outcome.FileRejection!.Reason);
            Assert.Equal(0, outcome.Records);
            Assert.True(stream.BytesRead < length, $"read all {stream.BytesRead} bytes");
            if (seekable && name != "bank holidays")
            {
                Assert.Equal(0, stream.BytesRead);
            }
        }
    }

    /// <summary>
    /// One JSON string of 20 MB inside a court list: the streaming reader would have to hold it whole, so it is refused
    /// as soon as it passes the 16 MB token bound, long before the 200 MB cap.
    /// </summary>
    [Theory]
    [InlineData("magistrates court list")]
    [InlineData("crown court list")]
    public async Task A_single_JSON_value_past_16_MB_is_refused_whole_without_reading_on(string name)
    {
        var format = Format(name);
        var stream = new EndlessStream("{\"courtLists\":[{\"x\":\""u8.ToArray(), "A"u8.ToArray(), 20L * 1024 * 1024, seekable: false);

        var outcome = await format.Parse(stream, IngestionOptions.DefaultMaxFileBytes, CancellationToken.None);

        Assert.NotNull(outcome.FileRejection);
        Assert.Contains("larger than 16 MB", outcome.FileRejection!.Reason, StringComparison.Ordinal);
        Assert.True(stream.BytesRead <= 16L * 1024 * 1024 + 64, $"read {stream.BytesRead} bytes");
    }

    /// <summary>
    /// Good rows interleaved with bad ones (too many cells, a NUL, a cell past the 10,000-character cap, a stray quote, a
    /// date that is not a date): every good row is kept, every row is accounted for — a record or a rejection naming its
    /// line — and no bad row takes a good one with it. Seeded; 200 files per format.
    /// </summary>
    [Theory]
    [MemberData(nameof(CsvFeedAndRegisterFormats))]
    public async Task In_a_mixed_file_every_good_row_is_kept_and_every_bad_row_is_rejected_with_its_line(string name)
    {
        var format = Format(name);
        var seedLines = Encoding.UTF8.GetString(format.Seed()).TrimEnd('\n').Split('\n');
        var clean = await format.Parse(new MemoryStream(format.Seed()), IngestionOptions.DefaultMaxFileBytes, CancellationToken.None);
        Assert.Null(clean.FileRejection);
        Assert.Empty(clean.Rejections);
        var random = new Random(4242);
        for (var file = 0; file < 200; file++)
        {
            var lines = new List<string> { seedLines[0] };
            var good = new List<int>();
            var bad = new List<(int Line, string Kind)>();
            foreach (var row in seedLines.Skip(1))
            {
                if (random.Next(3) == 0)
                {
                    var (spoilt, kind) = Spoil(row, random);
                    lines.Add(spoilt);
                    bad.Add((lines.Count, kind));
                }

                lines.Add(row);
                good.Add(lines.Count);
            }

            var outcome = await format.Parse(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), IngestionOptions.DefaultMaxFileBytes, CancellationToken.None);

            var context = $"file {file} of {name}";
            Assert.True(outcome.FileRejection is null, $"{context}: refused whole: {outcome.FileRejection?.Reason}");
            var rejectedLines = outcome.Rejections.Select(r => r.Where.Line ?? -1).ToHashSet();
            var kept = bad.Where(row => !rejectedLines.Contains(row.Line)).ToList();
            Assert.True(kept.Count == 0, $"{context}: bad rows not rejected with their line: {string.Join(", ", kept.Select(row => $"line {row.Line} ({row.Kind})"))}");
            Assert.Equal(good.Count, outcome.Records);
            if (outcome.RecordLines.Count > 0)
            {
                Assert.Equal(good, outcome.RecordLines.Order());
            }

            Assert.DoesNotContain(rejectedLines, good.Contains);
        }
    }

    /// <summary>One row made bad in a way the rules reject row by row (docs/formats.md "Common CSV rules").</summary>
    private static (string Row, string Kind) Spoil(string row, Random random)
    {
        var cells = row.Split(',');
        var cell = random.Next(cells.Length);
        switch (random.Next(4))
        {
            case 0:
                return (row + ",surplus", "a cell too many");
            case 1:
                cells[cell] = "x\0y";
                return (string.Join(',', cells), $"a NUL in cell {cell + 1}");
            case 2:
                cells[cell] = new string('A', IngestionOptions.DefaultMaxCellChars + 1);
                return (string.Join(',', cells), $"cell {cell + 1} past the cap");
            default:
                cells[cell] = "a\"b";
                return (string.Join(',', cells), $"a stray quote in cell {cell + 1}");
        }
    }

    private static IEnumerable<string> Problems(ParseOutcome outcome)
    {
        foreach (var rejection in outcome.Rejections.Concat(outcome.Warnings).Append(outcome.FileRejection).OfType<Rejection>())
        {
            if (string.IsNullOrWhiteSpace(rejection.Reason))
            {
                yield return $"a rejection at {rejection.Where} has no reason";
            }

            if (rejection.Reason.Contains("Exception", StringComparison.Ordinal) || rejection.Reason.Contains("   at ", StringComparison.Ordinal))
            {
                yield return $"a reason leaks an exception: {rejection.Reason}";
            }
        }

        foreach (var rejection in outcome.Rejections)
        {
            if (rejection.Where.Line is null && rejection.Where.JsonPath is null)
            {
                yield return $"a record rejection says neither line nor path: {rejection.Reason}";
            }
        }

        if (outcome.FileRejection is not null && outcome.Records > 0)
        {
            yield return "a file refused whole still gave records";
        }
    }

    private static HostileFormat Format(string name) => HostileFormat.All.Single(format => format.Name == name);

    private static byte[] FirstLine(byte[] seed) => seed[..(Array.IndexOf(seed, (byte)'\n') + 1)];

    private static byte[] RowsAfterHeader(byte[] seed) => seed[(Array.IndexOf(seed, (byte)'\n') + 1)..];
}
