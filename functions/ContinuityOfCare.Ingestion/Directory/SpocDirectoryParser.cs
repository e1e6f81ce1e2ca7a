using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using CsvHelper;
using NodaTime.Text;

namespace ContinuityOfCare.Ingestion.Directory;

/// <summary>
/// Reads the SPOC directory CSV (formats.md §4) under the rules every CSV follows (formats.md, opening section):
/// UTF-8 with or without a BOM, CRLF or LF, RFC 4180 quoting, header names case-insensitive in any order, unknown
/// columns ignored with a warning, multi-value cells separated by <c>;</c>. Each bad row is reported with its line
/// number; a file that cannot be read at all (over the size cap, not UTF-8, missing required columns) is rejected
/// whole with one reason. Validation of the whole refresh (unique codes, coverage, allow-list) is
/// <see cref="DirectoryValidator"/>'s job.
/// </summary>
public sealed class SpocDirectoryParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly SpocDirectoryParserOptions _options;

    /// <summary>Creates a parser with the given limits (defaults when null).</summary>
    public SpocDirectoryParser(SpocDirectoryParserOptions? options = null) => _options = options ?? new SpocDirectoryParserOptions();

    /// <summary>Reads the whole file.</summary>
    /// <param name="content">The file's bytes; read to the end (at most the size cap plus one byte).</param>
    /// <param name="sourceFile">The file name for line references (not a local path).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<SpocDirectoryParseResult> ParseAsync(Stream content, string sourceFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sourceFile);
        var fileRef = new SourceRef(sourceFile);

        if (FileChecks.CheckLengthUpFront(content, sourceFile, _options.MaxFileBytes) is { } tooLarge)
        {
            return SpocDirectoryParseResult.Rejected(tooLarge);
        }

        var bytes = await ReadCappedAsync(content, _options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return SpocDirectoryParseResult.Rejected(new Rejection(fileRef,
                FileChecks.TooLarge(_options.MaxFileBytes)));
        }

        string text;
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith(Encoding.UTF8.Preamble))
            {
                span = span[Encoding.UTF8.Preamble.Length..];
            }

            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            return SpocDirectoryParseResult.Rejected(new Rejection(fileRef, "the file is not valid UTF-8 text"));
        }

        return Parse(text, sourceFile);
    }

    private SpocDirectoryParseResult Parse(string text, string sourceFile)
    {
        var fileRef = new SourceRef(sourceFile);
        var malformed = new List<Rejection>();
        Rejection? structural = null;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record =>
            {
                // docs/formats.md "Reference data: whole file or nothing".
                if (CsvMalformed.IsStructural(record.Reason))
                {
                    structural ??= CsvMalformed.RefuseReferenceFile(sourceFile, (int)record.LineNumber, record.Reason);
                }

                malformed.Add(new Rejection(new SourceRef(sourceFile, (int)record.LineNumber), CsvMalformed.Reason(record.Reason)));
            },
        };

        using var csv = CsvReader.FromText(text, options);
        IReadOnlyList<string> header;
        try
        {
            header = [.. csv.Headers];
        }
        catch (CsvFormatException)
        {
            return SpocDirectoryParseResult.Rejected(new Rejection(fileRef, "the header row is not valid CSV"));
        }

        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            return SpocDirectoryParseResult.Rejected(new Rejection(fileRef, "the file has no header row"));
        }

        var warnings = new List<Rejection>();
        var columnIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < header.Count; index++)
        {
            var name = header[index].Trim();
            if (!SpocDirectoryColumns.All.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add(new Rejection(new SourceRef(sourceFile, 1), $"unknown column '{name}' ignored", IsWarning: true));
            }
            else if (!columnIndex.TryAdd(name, index))
            {
                return SpocDirectoryParseResult.Rejected(new Rejection(fileRef, $"column {name.ToLowerInvariant()} appears twice in the header"), warnings);
            }
        }

        var missing = SpocDirectoryColumns.Required.Where(column => !columnIndex.ContainsKey(column)).ToList();
        if (missing.Count > 0)
        {
            return SpocDirectoryParseResult.Rejected(
                new Rejection(fileRef, $"missing required column(s): {string.Join(", ", missing)}"), warnings);
        }

        var rows = new List<DirectoryRow>();
        var problems = new List<Rejection>();
        try
        {
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                var record = new string[csv.FieldCount];
                for (var index = 0; index < record.Length; index++)
                {
                    record[index] = csv.GetString(index);
                }

                var rowProblems = new List<string>();
                var entry = ReadEntry(record, columnIndex, rowProblems);
                if (entry is not null && rowProblems.Count == 0)
                {
                    rows.Add(new DirectoryRow(line, entry));
                }

                problems.AddRange(rowProblems.Select(reason => new Rejection(new SourceRef(sourceFile, line), reason)));
            }
        }
        catch (CsvFormatException)
        {
            return SpocDirectoryParseResult.Rejected(new Rejection(fileRef, "the file is not valid CSV (RFC 4180)"), warnings);
        }

        if (structural is not null)
        {
            return SpocDirectoryParseResult.Rejected(structural, warnings);
        }

        problems.AddRange(malformed);
        return new SpocDirectoryParseResult(rows, problems.OrderBy(problem => problem.Where.Line).ToList(), warnings, null);
    }

    private DirectoryEntry? ReadEntry(string[] record, Dictionary<string, int> columnIndex, List<string> problems)
    {
        string? Cell(string column)
        {
            if (!columnIndex.TryGetValue(column, out var index) || index >= record.Length)
            {
                return null;
            }

            var value = record[index].Trim();
            if (value.Length > _options.MaxFieldLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{column} is longer than {_options.MaxFieldLength} characters"));
                return null;
            }

            if (value.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                problems.Add($"{column} contains a control character (such as NUL); the row is damaged");
                return null;
            }

            return value.Length == 0 ? null : value;
        }

        string RequiredCell(string column)
        {
            var value = Cell(column);
            if (value is null && !problems.Any(problem => problem.StartsWith(column + " ", StringComparison.Ordinal)))
            {
                problems.Add($"{column} is required");
            }

            return value ?? string.Empty;
        }

        IReadOnlyList<string> ListCell(string column) =>
            Cell(column)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(item => item.ToUpperInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList() ?? [];

        var orgCode = RequiredCell(SpocDirectoryColumns.OrgCode);
        var orgTypeText = RequiredCell(SpocDirectoryColumns.OrgType);
        var orgName = RequiredCell(SpocDirectoryColumns.OrgName);
        var spocName = Cell(SpocDirectoryColumns.SpocName);
        var email = RequiredCell(SpocDirectoryColumns.Email);
        var phone = RequiredCell(SpocDirectoryColumns.Phone);
        var phone24x7 = Cell(SpocDirectoryColumns.Phone24x7);
        var escalationEmail = RequiredCell(SpocDirectoryColumns.EscalationEmail);
        var districts = ListCell(SpocDirectoryColumns.PostcodeDistricts);
        var courts = ListCell(SpocDirectoryColumns.Courts);
        var courtWorkerCourts = ListCell(SpocDirectoryColumns.CourtWorkerCourts);
        var courtNames = CourtNamesCell(Cell(SpocDirectoryColumns.CourtNames), courts, problems);
        var effectiveFromText = RequiredCell(SpocDirectoryColumns.EffectiveFrom);

        OrgType orgType = default;
        if (orgTypeText.Length > 0 && !OrgTypeCodes.TryParse(orgTypeText, out orgType))
        {
            problems.Add($"org_type {orgTypeText} is not one of CJIT, PRISON_SMT, PROBATION, REGIONAL_TEAM");
        }

        var effectiveFrom = LocalDatePattern.Iso.Parse(effectiveFromText);
        if (effectiveFromText.Length > 0 && !effectiveFrom.Success)
        {
            problems.Add("effective_from is not a date (YYYY-MM-DD)");
        }

        return problems.Count > 0
            ? null
            : new DirectoryEntry(orgCode, orgType, orgName, spocName, email, phone, phone24x7, escalationEmail,
                districts, courts, courtWorkerCourts, effectiveFrom.Value, courtNames);
    }

    // court_names: "CODE=Court house name;…", each code one of the row's courts, each name once.
    private static Dictionary<string, string>? CourtNamesCell(string? cell, IReadOnlyList<string> courts, List<string> problems)
    {
        if (cell is null)
        {
            return null;
        }

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var code = equals > 0 ? pair[..equals].Trim().ToUpperInvariant() : string.Empty;
            var name = equals > 0 ? pair[(equals + 1)..].Trim() : string.Empty;
            if (code.Length == 0 || name.Length == 0)
            {
                problems.Add("court_names has an entry that is not CODE=court house name");
            }
            else if (!courts.Contains(code, StringComparer.Ordinal))
            {
                problems.Add($"court_names names court {code}, which is not in courts");
            }
            else if (!names.TryAdd(name, code))
            {
                problems.Add("court_names gives one court house name twice");
            }
        }

        return names;
    }

    private static async Task<byte[]?> ReadCappedAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
