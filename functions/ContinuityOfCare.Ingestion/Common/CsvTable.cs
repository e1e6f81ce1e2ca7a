using System.Runtime.CompilerServices;
using ContinuityOfCare.Core.Inputs;
using CsvHelper;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Reads any of the hub's CSV inputs row by row with CsvHelper, applying formats.md's common CSV rules: UTF-8 with or
/// without a BOM (anything else rejects the file), comma-separated, RFC 4180 quoting, CRLF or LF, a header row, header
/// names case-insensitive and in any order, unknown columns ignored with one warning, missing required columns reject
/// the file. Per row: bad quoting, a cell count different from the header's, or an over-long cell rejects the row
/// with the line it starts on; other rows are unaffected — except in reference data (<c>wholeFileOrNothing</c>), where a
/// structural break refuses the whole file (<see cref="CsvMalformed"/>).
/// </summary>
internal static class CsvTable
{
    /// <summary>
    /// Streams rows (<see cref="CsvRow"/>) and rejections/warnings (<see cref="Rejection"/>), in file order. Every row
    /// is the same <see cref="CsvRow"/> instance moved on to the next record: read it before asking for the next item.
    /// </summary>
    public static async IAsyncEnumerable<object> ReadAsync(
        Stream stream,
        string sourceFile,
        IReadOnlyList<string> knownColumns,
        IReadOnlyList<string> requiredColumns,
        IngestionOptions options,
        bool wholeFileOrNothing,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (FileChecks.CheckLengthUpFront(stream, sourceFile, options.MaxFileBytes) is { } tooLarge)
        {
            yield return tooLarge;
            yield break;
        }

        var malformed = new Queue<Rejection>();
        Rejection? structural = null;
        var readerOptions = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            IncludeValuesInExceptions = false,
            // Names, codes and scopes repeat across a register: kept strings are shared (CsvHelper stops pooling a column whose values do not repeat).
            PoolStrings = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record =>
            {
                var line = checked((int)record.LineNumber);
                if (wholeFileOrNothing && CsvMalformed.IsStructural(record.Reason))
                {
                    structural ??= CsvMalformed.RefuseReferenceFile(sourceFile, line, record.Reason);
                }

                malformed.Enqueue(new Rejection(new SourceRef(sourceFile, Line: line), CsvMalformed.Reason(record.Reason)));
            },
        };

        using var guarded = new GuardedInputStream(stream, options.MaxFileBytes);
        using var csv = CsvReader.Create(guarded, readerOptions, leaveOpen: true);

        var headerFailure = await TryAsync(() => csv.ReadHeaderAsync(cancellationToken).AsTask(), sourceFile).ConfigureAwait(false);
        if (headerFailure is not null)
        {
            yield return headerFailure;
            yield break;
        }

        var header = csv.Headers.Select(name => name.Trim().ToLowerInvariant()).ToArray();
        if (header.All(name => name.Length == 0))
        {
            yield return FileChecks.FileRejection(sourceFile, "the file is empty: no header row");
            yield break;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                continue;
            }

            if (!columns.TryAdd(header[i], i))
            {
                yield return FileChecks.FileRejection(sourceFile, $"column {header[i]} appears more than once in the header");
                yield break;
            }

            if (!knownColumns.Contains(header[i], StringComparer.Ordinal))
            {
                unknown.Add(header[i]);
            }
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var noun = missing.Count == 1 ? "column" : "columns";
            yield return FileChecks.FileRejection(sourceFile, $"missing required {noun}: {string.Join(", ", missing)}");
            yield break;
        }

        if (unknown.Count > 0)
        {
            var noun = unknown.Count == 1 ? "column" : "columns";
            yield return new Rejection(new SourceRef(sourceFile, Line: 1), $"unknown {noun} ignored: {string.Join(", ", unknown)}", IsWarning: true);
        }

        var row = new CsvRow(csv, columns);
        while (true)
        {
            bool more;
            Rejection? failure = null;
            try
            {
                // No closure or Task per row: ReadAsync completes synchronously while the buffer holds the next record.
                more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ReadFailure(ex, sourceFile) is { } rejection)
            {
                more = false;
                failure = rejection;
            }

            if (structural is not null)
            {
                yield return structural;
                yield break;
            }

            while (malformed.TryDequeue(out var skipped))
            {
                yield return skipped;
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            var line = checked((int)csv.LineNumber);
            var overLong = row.FirstCellLongerThan(options.MaxCellChars);
            if (overLong >= 0)
            {
                var name = overLong < header.Length && header[overLong].Length > 0 ? header[overLong] : $"cell {overLong + 1}";
                yield return new Rejection(new SourceRef(sourceFile, Line: line), $"{name} is longer than {options.MaxCellChars} characters");
                continue;
            }

            var damaged = row.FirstCellWithControlCharacter();
            if (damaged >= 0)
            {
                var name = damaged < header.Length && header[damaged].Length > 0 ? header[damaged] : $"cell {damaged + 1}";
                yield return new Rejection(new SourceRef(sourceFile, Line: line), $"{name} contains a control character (such as NUL); the row is damaged");
                continue;
            }

            row.Line = line;
            yield return row;
        }
    }

    private static async Task<Rejection?> TryAsync(Func<Task> read, string sourceFile)
    {
        try
        {
            await read().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ReadFailure(ex, sourceFile) is { } rejection)
        {
            return rejection;
        }
    }

    /// <summary>The whole-file rejection for an exception thrown while reading, or null when it is not a read failure.</summary>
    private static Rejection? ReadFailure(Exception ex, string sourceFile) => ex switch
    {
        _ when UnreadableFileException.FindReason(ex) is { } reason => FileChecks.FileRejection(sourceFile, reason),
        CsvFormatException format => FileChecks.FileRejection(sourceFile, $"the file cannot be read as CSV (RFC 4180) from line {format.LineNumber}"),
        _ => null,
    };
}
