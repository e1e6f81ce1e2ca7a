using System.Runtime.CompilerServices;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Ingestion.Common;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Clients;

/// <summary>
/// Reads the client register CSV (formats.md §5) row by row into <see cref="Client"/>s.
/// A row is rejected when a required cell is blank or malformed; when <c>consent</c> is <c>yes</c> without a
/// <c>consent_scope</c> of known org types and a <c>consent_date</c> (consent must be recorded to be relied on:
/// 000 Annex A, 002 §40–44); when <c>legal_basis</c> or <c>ppo</c> is not an accepted spelling; or when its
/// <c>client_id</c> repeats an earlier row's (the second and later rows are rejected, naming the first one's line:
/// the register is ambiguous about who that client is). Invalid identifiers, postcodes, prison codes and release
/// dates are warnings and are not used.
/// </summary>
public sealed class ClientRegisterCsvParser(IngestionOptions? options = null)
{
    private readonly IngestionOptions _options = options ?? IngestionOptions.Default;

    /// <summary>Streams the records, rejections and warnings of one file, in file order.</summary>
    /// <param name="stream">The file's bytes (left open).</param>
    /// <param name="sourceFile">The file name used in every reference (not a local path).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public IAsyncEnumerable<ParsedItem<Client>> ParseAsync(Stream stream, string sourceFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceFile);
        return ReadAsync(stream, sourceFile, into: null, cancellationToken);
    }

    /// <summary>
    /// Reads a file straight into a <see cref="MatchingIndex"/> (docs/benchmarks.md "Planning"): the rows of the fast path
    /// go into the index's columns as they are read, without a <see cref="Client"/> each; every other row is read exactly
    /// as <see cref="ParseAsync"/> reads it. The index holds the same clients in the same order, and the rejections and
    /// warnings are the same, as <see cref="ParseAsync"/> followed by <see cref="MatchingIndex.Build"/>.
    /// </summary>
    /// <param name="stream">The file's bytes (left open).</param>
    /// <param name="sourceFile">The file name used in every reference (not a local path).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<RegisterIndexResult> LoadIndexAsync(Stream stream, string sourceFile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceFile);
        var builder = new MatchingIndexBuilder();
        return RegisterIndexResult.CollectAsync(sourceFile, ReadAsync(stream, sourceFile, builder, cancellationToken), builder, cancellationToken);
    }

    /// <summary>Reads a file from disk into a <see cref="MatchingIndex"/> (see <see cref="LoadIndexAsync"/>).</summary>
    public Task<RegisterIndexResult> LoadIndexFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new MatchingIndexBuilder();
        var items = InputFiles.ParseFileAsync(path, (stream, name, cancel) => ReadAsync(stream, name, builder, cancel), cancellationToken);
        return RegisterIndexResult.CollectAsync(Path.GetFileName(path), items, builder, cancellationToken);
    }

    // The one read of a register: with a builder, plain rows go into it and are not yielded; the caller adds the rest.
    private async IAsyncEnumerable<ParsedItem<Client>> ReadAsync(
        Stream stream, string sourceFile, MatchingIndexBuilder? into, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        PlainClientRowReader? plainRows = null; // the fast path for plain rows; the general path below decides the rest
        await foreach (var item in CsvTable.ReadAsync(stream, sourceFile, ClientRegisterColumns.All, ClientRegisterColumns.Required, _options, wholeFileOrNothing: true, cancellationToken).ConfigureAwait(false))
        {
            if (item is not CsvRow row)
            {
                yield return ParsedItem<Client>.Of((Rejection)item);
                continue;
            }

            plainRows ??= new PlainClientRowReader(row);
            var clientId = plainRows.PlainClientId(row) ?? RecordProblems.Clean(row[ClientRegisterColumns.ClientId]);
            var repeated = clientId is not null && !firstLineById.TryAdd(clientId, row.Line);
            if (!repeated && clientId is not null && plainRows.TryRead(row, clientId, out var plain))
            {
                if (into is null)
                {
                    yield return ParsedItem<Client>.Of(plain.ToClient());
                }
                else
                {
                    into.Add(plain);
                }

                continue;
            }

            var problems = new RecordProblems(new SourceRef(sourceFile, Line: row.Line));
            if (repeated)
            {
                problems.Error($"client_id repeats the client_id of line {firstLineById[clientId!]}");
            }

            var client = Read(row, clientId, problems);
            if (problems.HasErrors)
            {
                yield return ParsedItem<Client>.Of(problems.ToRejection());
                continue;
            }

            foreach (var warning in problems.Warnings)
            {
                yield return ParsedItem<Client>.Of(warning);
            }

            yield return ParsedItem<Client>.Of(client);
        }
    }

    /// <summary>Reads a file from disk (see <see cref="ParseAsync"/>).</summary>
    public IAsyncEnumerable<ParsedItem<Client>> ParseFileAsync(string path, CancellationToken cancellationToken = default) =>
        InputFiles.ParseFileAsync(path, ParseAsync, cancellationToken);

    private static Client Read(CsvRow row, string? clientId, RecordProblems problems)
    {
        if (clientId is null)
        {
            problems.Error("client_id is required");
        }

        var surname = problems.Required(row[ClientRegisterColumns.Surname], ClientRegisterColumns.Surname);
        var forenames = problems.Required(row[ClientRegisterColumns.Forenames], ClientRegisterColumns.Forenames);
        var dateOfBirth = problems.RequiredDate(row[ClientRegisterColumns.DateOfBirth], ClientRegisterColumns.DateOfBirth);
        var gender = RecordProblems.Clean(row[ClientRegisterColumns.Gender]);
        var pnc = problems.Pnc(row[ClientRegisterColumns.Pnc], ClientRegisterColumns.Pnc);
        var cro = problems.Cro(row[ClientRegisterColumns.Cro], ClientRegisterColumns.Cro);
        var noms = problems.Noms(row[ClientRegisterColumns.NomsNumber], ClientRegisterColumns.NomsNumber);

        string? homePostcode = null;
        if (row[ClientRegisterColumns.HomePostcode] is { } postcodeText)
        {
            if (Postcodes.TryNormalise(postcodeText, out var postcode))
            {
                homePostcode = postcode;
            }
            else
            {
                problems.Warn("home_postcode ignored: not a UK postcode");
            }
        }

        var cjitCode = RecordProblems.Clean(row[ClientRegisterColumns.CjitCode])?.ToUpperInvariant();

        string? currentPrison = null;
        if (RecordProblems.Clean(row[ClientRegisterColumns.CurrentPrison])?.ToUpperInvariant() is { } prison)
        {
            if (CodeShapes.IsPrisonCode(prison))
            {
                currentPrison = prison;
            }
            else
            {
                problems.Warn("current_prison ignored: not a NOMIS prison code (three letters)");
            }
        }

        var releaseDate = problems.OptionalDate(row[ClientRegisterColumns.ReleaseDate], ClientRegisterColumns.ReleaseDate);
        var consent = ReadConsent(row, problems);

        LegalBasis? legalBasis = null;
        if (row[ClientRegisterColumns.LegalBasis] is { } basisText)
        {
            if (LegalBasisCodes.TryParse(basisText, out var basis))
            {
                legalBasis = basis;
            }
            else
            {
                problems.Error($"legal_basis is not one of {string.Join(", ", LegalBasisCodes.All)}");
            }
        }

        var ppo = problems.YesNo(row[ClientRegisterColumns.Ppo], ClientRegisterColumns.Ppo, blank: false) ?? false;

        return new Client(
            clientId ?? string.Empty,
            surname,
            forenames,
            dateOfBirth,
            gender,
            pnc,
            cro,
            noms,
            homePostcode,
            cjitCode,
            currentPrison,
            releaseDate,
            consent,
            legalBasis,
            ppo);
    }

    /// <summary>000 Annex A; 002 §40–44: consent to share, and with whom, recorded on the client.</summary>
    private static Consent ReadConsent(CsvRow row, RecordProblems problems)
    {
        var consentText = row[ClientRegisterColumns.Consent];
        if (consentText is null)
        {
            problems.Error("consent is required (yes or no)");
            return Consent.None;
        }

        if (problems.YesNo(consentText, ClientRegisterColumns.Consent, blank: null) is not true)
        {
            return Consent.None;
        }

        var scope = new HashSet<OrgType>();
        var scopeText = row[ClientRegisterColumns.ConsentScope];
        if (scopeText is null)
        {
            problems.Error("consent_scope is required when consent is yes");
        }
        else
        {
            var parts = scopeText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                problems.Error("consent_scope is required when consent is yes");
            }

            foreach (var part in parts)
            {
                if (OrgTypeCodes.TryParse(part, out var orgType))
                {
                    scope.Add(orgType);
                }
                else
                {
                    problems.Error("consent_scope has an entry that is not one of CJIT, PRISON_SMT, PROBATION, REGIONAL_TEAM");
                    break;
                }
            }
        }

        LocalDate? consentDate = null;
        var dateText = row[ClientRegisterColumns.ConsentDate];
        if (dateText is null)
        {
            problems.Error("consent_date is required when consent is yes");
        }
        else if (InputDates.TryParseIsoDate(dateText, out var date))
        {
            consentDate = date;
        }
        else
        {
            problems.Error("consent_date is not a date (YYYY-MM-DD)");
        }

        return new Consent(true, scope, consentDate);
    }
}
