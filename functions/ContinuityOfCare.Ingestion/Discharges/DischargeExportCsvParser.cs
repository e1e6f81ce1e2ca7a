using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Discharges;

/// <summary>
/// Reads a prison's daily discharge export (formats.md §3; 000 Annex D: SMTs check the previous day's Discharge List
/// daily) row by row into <see cref="DischargeMovement"/>s. Every row is kept as parsed, <c>MRG</c> included: mapping
/// rows to events belongs to routing. A row is rejected when a required cell is blank or malformed or the movement
/// type is not <c>REL</c>/<c>TRN</c>/<c>CRT</c>/<c>TAP</c>; an invalid NOMS number or PNC, an unknown reason code or
/// a malformed release date is a warning (the record is kept without the bad value).
/// <c>movement_date</c> + <c>movement_time</c> are Europe/London wall-clock time, resolved as
/// <see cref="LondonLocalTime"/> says (skipped → later, ambiguous → earlier).
/// </summary>
public sealed partial class DischargeExportCsvParser(IngestionOptions? options = null)
{
    private readonly IngestionOptions _options = options ?? IngestionOptions.Default;

    /// <summary>Streams the records, rejections and warnings of one file, in file order.</summary>
    /// <param name="stream">The file's bytes (left open).</param>
    /// <param name="sourceFile">The file name used in every reference (not a local path).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async IAsyncEnumerable<ParsedItem<DischargeMovement>> ParseAsync(
        Stream stream, string sourceFile, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceFile);
        await foreach (var item in CsvTable.ReadAsync(stream, sourceFile, DischargeExportColumns.All, DischargeExportColumns.Required, _options, wholeFileOrNothing: false, cancellationToken).ConfigureAwait(false))
        {
            if (item is not CsvRow row)
            {
                yield return ParsedItem<DischargeMovement>.Of((Rejection)item);
                continue;
            }

            var problems = new RecordProblems(new SourceRef(sourceFile, Line: row.Line));
            var movement = Read(row, problems);
            if (problems.HasErrors)
            {
                yield return ParsedItem<DischargeMovement>.Of(problems.ToRejection());
                continue;
            }

            foreach (var warning in problems.Warnings)
            {
                yield return ParsedItem<DischargeMovement>.Of(warning);
            }

            yield return ParsedItem<DischargeMovement>.Of(movement);
        }
    }

    /// <summary>Reads a file from disk (see <see cref="ParseAsync"/>).</summary>
    public IAsyncEnumerable<ParsedItem<DischargeMovement>> ParseFileAsync(string path, CancellationToken cancellationToken = default) =>
        InputFiles.ParseFileAsync(path, ParseAsync, cancellationToken);

    private static DischargeMovement Read(CsvRow row, RecordProblems problems)
    {
        var prisonCode = problems.Required(row[DischargeExportColumns.PrisonCode], DischargeExportColumns.PrisonCode).ToUpperInvariant();
        if (prisonCode.Length > 0 && !CodeShapes.IsPrisonCode(prisonCode))
        {
            problems.Error("prison_code is not a NOMIS prison code (three letters)");
        }

        var nomsText = row[DischargeExportColumns.NomsNumber];
        if (nomsText is null)
        {
            problems.Error("noms_number is required");
        }

        var noms = problems.Noms(nomsText, DischargeExportColumns.NomsNumber);
        var surname = problems.Required(row[DischargeExportColumns.Surname], DischargeExportColumns.Surname);
        var forenames = problems.Required(row[DischargeExportColumns.Forenames], DischargeExportColumns.Forenames);
        var dateOfBirth = problems.RequiredDate(row[DischargeExportColumns.DateOfBirth], DischargeExportColumns.DateOfBirth);
        var pnc = problems.Pnc(row[DischargeExportColumns.Pnc], DischargeExportColumns.Pnc);

        var movementDate = problems.RequiredDate(row[DischargeExportColumns.MovementDate], DischargeExportColumns.MovementDate);
        var movementTimeText = row[DischargeExportColumns.MovementTime];
        LocalTime movementTime = default;
        if (movementTimeText is null)
        {
            problems.Error("movement_time is required");
        }
        else if (!InputDates.TryParseHourMinute(movementTimeText, out movementTime))
        {
            problems.Error("movement_time is not a time (HH:MM, 24-hour)");
        }

        var typeText = row[DischargeExportColumns.MovementType];
        MovementType movementType = default;
        if (typeText is null)
        {
            problems.Error("movement_type is required");
        }
        else if (!NomisMovementCodes.TryParseMovementType(typeText, out movementType))
        {
            problems.Error($"movement_type is not one of {string.Join(", ", NomisMovementCodes.MovementTypes)}");
        }

        var reason = problems.Required(row[DischargeExportColumns.MovementReasonCode], DischargeExportColumns.MovementReasonCode).ToUpperInvariant();
        if (reason.Length > 0)
        {
            if (!ReasonShape().IsMatch(reason))
            {
                problems.Error("movement_reason_code is not a NOMIS reason code (1–5 letters and digits)");
            }
            else if (!NomisMovementCodes.KnownReasons.Contains(reason))
            {
                problems.Warn("movement_reason_code is not one of the reason codes formats.md §3 lists; kept as given");
            }
        }

        var toAgency = problems.Required(row[DischargeExportColumns.ToAgency], DischargeExportColumns.ToAgency).ToUpperInvariant();
        var releaseDate = problems.OptionalDate(row[DischargeExportColumns.ReleaseDate], DischargeExportColumns.ReleaseDate);

        var movedAt = problems.HasErrors ? default : LondonLocalTime.ToInstant(movementDate + movementTime);
        return new DischargeMovement(
            problems.Where,
            prisonCode,
            new PersonParticulars(surname, forenames, dateOfBirth, pnc, Noms: noms),
            movedAt,
            movementType,
            reason,
            toAgency,
            releaseDate);
    }

    [GeneratedRegex("^[A-Z0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonShape();
}
