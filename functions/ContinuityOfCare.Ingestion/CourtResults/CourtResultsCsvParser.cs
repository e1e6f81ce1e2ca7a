using System.Runtime.CompilerServices;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.CourtResults;

/// <summary>
/// Reads a court results CSV (formats.md §2) row by row into <see cref="CourtResult"/>s, the source of
/// <c>RemandedOrSentencedToPrison</c> (000 Part 1, §PP1–PP4) and <c>ReleasedFromCourt</c> (000 §PP13/§PP14).
/// A row is rejected (with its line) when a required cell is blank or malformed, the outcome is unknown, or a
/// custodial outcome has no resolvable establishment; invalid identifiers, dates of birth, next-hearing dates and
/// result times are warnings and are not used.
/// </summary>
public sealed class CourtResultsCsvParser(IngestionOptions? options = null)
{
    private readonly IngestionOptions _options = options ?? IngestionOptions.Default;

    /// <summary>Streams the records, rejections and warnings of one file, in file order.</summary>
    /// <param name="stream">The file's bytes (left open).</param>
    /// <param name="sourceFile">The file name used in every reference (not a local path).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async IAsyncEnumerable<ParsedItem<CourtResult>> ParseAsync(
        Stream stream, string sourceFile, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceFile);
        await foreach (var item in CsvTable.ReadAsync(stream, sourceFile, CourtResultColumns.All, CourtResultColumns.Required, _options, wholeFileOrNothing: false, cancellationToken).ConfigureAwait(false))
        {
            if (item is not CsvRow row)
            {
                yield return ParsedItem<CourtResult>.Of((Rejection)item);
                continue;
            }

            var problems = new RecordProblems(new SourceRef(sourceFile, Line: row.Line));
            var result = Read(row, problems);
            if (problems.HasErrors)
            {
                yield return ParsedItem<CourtResult>.Of(problems.ToRejection());
                continue;
            }

            foreach (var warning in problems.Warnings)
            {
                yield return ParsedItem<CourtResult>.Of(warning);
            }

            yield return ParsedItem<CourtResult>.Of(result);
        }
    }

    /// <summary>Reads a file from disk (see <see cref="ParseAsync"/>).</summary>
    public IAsyncEnumerable<ParsedItem<CourtResult>> ParseFileAsync(string path, CancellationToken cancellationToken = default) =>
        InputFiles.ParseFileAsync(path, ParseAsync, cancellationToken);

    private CourtResult Read(CsvRow row, RecordProblems problems)
    {
        var courtCode = problems.Required(row[CourtResultColumns.CourtCode], CourtResultColumns.CourtCode).ToUpperInvariant();
        if (courtCode.Length > 0 && !CodeShapes.IsCourtCode(courtCode))
        {
            problems.Error("court_code is not a court code (3–10 letters and digits)");
        }

        var hearingDate = problems.RequiredDate(row[CourtResultColumns.HearingDate], CourtResultColumns.HearingDate);
        var surname = problems.Required(row[CourtResultColumns.Surname], CourtResultColumns.Surname);
        var forenames = problems.Required(row[CourtResultColumns.Forenames], CourtResultColumns.Forenames);
        var dateOfBirth = problems.OptionalDate(row[CourtResultColumns.DateOfBirth], CourtResultColumns.DateOfBirth);

        var outcomeText = row[CourtResultColumns.Outcome];
        CourtOutcome outcome = default;
        if (outcomeText is null)
        {
            problems.Error("outcome is required");
        }
        else if (!CourtOutcomeCodes.TryParse(outcomeText, out outcome))
        {
            problems.Error($"outcome is not one of {string.Join(", ", CourtOutcomeCodes.All)}");
        }

        var establishment = ReadEstablishment(row[CourtResultColumns.Establishment], outcomeText is not null && outcome.IsCustodial(), problems);

        var person = new PersonParticulars(
            surname,
            forenames,
            dateOfBirth,
            problems.Pnc(row[CourtResultColumns.Pnc], CourtResultColumns.Pnc),
            problems.Cro(row[CourtResultColumns.Cro], CourtResultColumns.Cro),
            problems.Noms(row[CourtResultColumns.NomsNumber], CourtResultColumns.NomsNumber),
            problems.Asn(row[CourtResultColumns.Asn], CourtResultColumns.Asn));

        var nextHearingDate = problems.OptionalDate(row[CourtResultColumns.NextHearingDate], CourtResultColumns.NextHearingDate);
        var nextHearingCourt = RecordProblems.Clean(row[CourtResultColumns.NextHearingCourt])?.ToUpperInvariant();

        NodaTime.Instant? resultTime = null;
        if (row[CourtResultColumns.ResultTime] is { } resultTimeText)
        {
            if (InputDates.TryParseResultTime(resultTimeText, out var parsed))
            {
                resultTime = parsed;
            }
            else
            {
                problems.Warn("result_time ignored: not YYYY-MM-DDTHH:MM (Europe/London) or an ISO-8601 instant with an offset; the ingestion time is used");
            }
        }

        return new CourtResult(
            problems.Where,
            courtCode,
            hearingDate,
            RecordProblems.Clean(row[CourtResultColumns.CaseUrn]),
            person,
            outcome,
            establishment,
            nextHearingDate,
            nextHearingCourt,
            resultTime);
    }

    /// <summary>formats.md §2: a prison NOMIS code, or a prison name that the reference list resolves.</summary>
    private string? ReadEstablishment(string? text, bool custodial, RecordProblems problems)
    {
        var cleaned = RecordProblems.Clean(text);
        if (cleaned is null)
        {
            if (custodial)
            {
                problems.Error("establishment is required for a custodial outcome");
            }

            return null;
        }

        if (_options.PrisonNames.TryGetValue(cleaned, out var code))
        {
            return code;
        }

        var upper = cleaned.ToUpperInvariant();
        if (CodeShapes.IsPrisonCode(upper))
        {
            return upper;
        }

        if (custodial)
        {
            problems.Error("establishment is neither a NOMIS prison code nor a prison name on the reference list");
        }
        else
        {
            problems.Warn("establishment ignored: neither a NOMIS prison code nor a prison name on the reference list");
        }

        return null;
    }
}
