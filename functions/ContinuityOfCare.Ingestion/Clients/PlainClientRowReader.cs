using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Ingestion.Common;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Clients;

/// <summary>
/// The register parser's fast path (docs/benchmarks.md "Planning"): reads a row whose every cell is in its plain,
/// canonical spelling straight from the UTF-8 cells — no regexes, no date patterns, no problem bookkeeping, strings
/// only for the text values a client keeps, identifiers packed into integers (a <see cref="CompactClient"/>, which a
/// columnar register keeps as it is and <see cref="ClientRegisterCsvParser.ParseAsync"/> turns into a <see cref="Client"/>). It answers null for any row with anything unusual (a blank
/// required cell, an invalid or non-canonical identifier, a postcode needing normalisation, non-ASCII text, an odd
/// date…), and <see cref="ClientRegisterCsvParser"/> then reads that row on its general path, so every record,
/// rejection and warning is exactly what the general path alone would produce. One instance per file: it holds the
/// column indexes and the shared consent scopes of that file.
/// </summary>
internal sealed class PlainClientRowReader
{
    // Distinct consent scopes and (scope, date) pairs remembered per file; beyond these, values are built per row. Consents
    // are shared so that a columnar register holds each once (about ten years of consent dates × a few scopes fit).
    private const int MaxRememberedScopes = 256;
    private const int MaxRememberedConsents = 65_536;

    private readonly int _clientId;
    private readonly int _surname;
    private readonly int _forenames;
    private readonly int _dateOfBirth;
    private readonly int _gender;
    private readonly int _pnc;
    private readonly int _cro;
    private readonly int _noms;
    private readonly int _homePostcode;
    private readonly int _cjitCode;
    private readonly int _currentPrison;
    private readonly int _releaseDate;
    private readonly int _consent;
    private readonly int _consentScope;
    private readonly int _consentDate;
    private readonly int _legalBasis;
    private readonly int _ppo;
    private readonly Dictionary<string, IReadOnlySet<OrgType>?> _scopes = new(StringComparer.Ordinal);
    private readonly Dictionary<(IReadOnlySet<OrgType> Scope, LocalDate Date), Consent> _consents = [];

    public PlainClientRowReader(CsvRow row)
    {
        _clientId = row.IndexOf(ClientRegisterColumns.ClientId);
        _surname = row.IndexOf(ClientRegisterColumns.Surname);
        _forenames = row.IndexOf(ClientRegisterColumns.Forenames);
        _dateOfBirth = row.IndexOf(ClientRegisterColumns.DateOfBirth);
        _gender = row.IndexOf(ClientRegisterColumns.Gender);
        _pnc = row.IndexOf(ClientRegisterColumns.Pnc);
        _cro = row.IndexOf(ClientRegisterColumns.Cro);
        _noms = row.IndexOf(ClientRegisterColumns.NomsNumber);
        _homePostcode = row.IndexOf(ClientRegisterColumns.HomePostcode);
        _cjitCode = row.IndexOf(ClientRegisterColumns.CjitCode);
        _currentPrison = row.IndexOf(ClientRegisterColumns.CurrentPrison);
        _releaseDate = row.IndexOf(ClientRegisterColumns.ReleaseDate);
        _consent = row.IndexOf(ClientRegisterColumns.Consent);
        _consentScope = row.IndexOf(ClientRegisterColumns.ConsentScope);
        _consentDate = row.IndexOf(ClientRegisterColumns.ConsentDate);
        _legalBasis = row.IndexOf(ClientRegisterColumns.LegalBasis);
        _ppo = row.IndexOf(ClientRegisterColumns.Ppo);
    }

    /// <summary>The row's <c>client_id</c> when it is plain text (so cleaning leaves it unchanged), else null.</summary>
    public string? PlainClientId(CsvRow row) => PlainCells.IsPlainText(row.Utf8(_clientId)) ? row[_clientId] : null;

    /// <summary>The client of a plain row (see the class summary), or false to send the row down the general path.</summary>
    public bool TryRead(CsvRow row, string clientId, out CompactClient client)
    {
        client = default;
        if (!PlainCells.IsPlainText(row.Utf8(_surname)) || !PlainCells.IsPlainText(row.Utf8(_forenames))
            || !PlainCells.TryParseIsoDate(row.Utf8(_dateOfBirth), out var dateOfBirth)
            || !TryOptionalText(row, _gender, out var gender)
            || !TryPnc(row.Utf8(_pnc), out var pnc)
            || !TryCro(row.Utf8(_cro), out var cro)
            || !TryNoms(row.Utf8(_noms), out var noms)
            || !TryPostcode(row, out var homePostcode)
            || !TryUpperCode(row, _cjitCode, out var cjitCode)
            || !TryPrison(row, out var currentPrison)
            || !TryOptionalDate(row.Utf8(_releaseDate), out var releaseDate)
            || TryConsent(row) is not { } consent
            || !TryLegalBasis(row.Utf8(_legalBasis), out var legalBasis)
            || !TryPpo(row.Utf8(_ppo), out var ppo))
        {
            return false;
        }

        client = new CompactClient(
            clientId, row[_surname]!, row[_forenames]!, dateOfBirth, gender, pnc, cro, noms, homePostcode, cjitCode, currentPrison,
            releaseDate, consent, legalBasis, ppo);
        return true;
    }

    private static bool TryOptionalText(CsvRow row, int index, out string? text)
    {
        var cell = row.Utf8(index);
        text = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (!PlainCells.IsPlainText(cell))
        {
            return false;
        }

        text = row[index];
        return true;
    }

    private static bool TryUpperCode(CsvRow row, int index, out string? code)
    {
        if (!TryOptionalText(row, index, out code))
        {
            return false;
        }

        // Plain text is ASCII: upper-casing it only maps a–z, exactly as the general path's ToUpperInvariant does.
        if (code is not null && row.Utf8(index).ContainsAnyInRange((byte)'a', (byte)'z'))
        {
            code = code.ToUpperInvariant();
        }

        return true;
    }

    /// <summary>The canonical long form <c>YYYY/NNNNNNNC</c> with a right check character (docs/domain.md "Matching"), packed.</summary>
    private static bool TryPnc(ReadOnlySpan<byte> cell, out int pnc)
    {
        pnc = CompactIdentifiers.None;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.Length != CompactIdentifiers.PncLength || cell[4] != (byte)'/' || !PlainCells.TryDigits(cell[..4], out var year)
            || !PlainCells.TryDigits(cell.Slice(5, 7), out var serial) || year is < 1939 or > 2038 || cell[12] is < (byte)'A' or > (byte)'Z'
            || CompactIdentifiers.PncCheck(year, serial) != cell[12])
        {
            return false;
        }

        pnc = CompactIdentifiers.PackPnc(year, serial);
        return true;
    }

    /// <summary><c>NNNNNN/YYC</c> (serial of 1–6 digits) with a right check character, packed.</summary>
    private static bool TryCro(ReadOnlySpan<byte> cell, out int cro)
    {
        cro = CompactIdentifiers.None;
        if (cell.IsEmpty)
        {
            return true;
        }

        var slash = cell.IndexOf((byte)'/');
        if (slash is < 1 or > 6 || cell.Length != slash + 4 || !PlainCells.TryDigits(cell[..slash], out var serial)
            || !PlainCells.TryDigits(cell.Slice(slash + 1, 2), out var year) || cell[^1] is < (byte)'A' or > (byte)'Z'
            || CompactIdentifiers.CroCheck(year, serial) != cell[^1])
        {
            return false;
        }

        cro = CompactIdentifiers.PackCro(year, serial);
        return true;
    }

    /// <summary><c>A1234BC</c> exactly (upper case), packed.</summary>
    private static bool TryNoms(ReadOnlySpan<byte> cell, out int noms)
    {
        noms = CompactIdentifiers.None;
        return cell.IsEmpty || CompactIdentifiers.TryPackNoms(cell, out noms);
    }

    private bool TryPostcode(CsvRow row, out string? postcode)
    {
        postcode = null;
        var cell = row.Utf8(_homePostcode);
        if (cell.IsEmpty)
        {
            return true;
        }

        Span<char> normalised = stackalloc char[Postcodes.MaxNormalisedLength];
        if (!PlainCells.IsPlainText(cell) || !Postcodes.TryNormaliseAscii(cell, normalised, out var length))
        {
            return false;
        }

        var text = row[_homePostcode]!;
        postcode = text.AsSpan().SequenceEqual(normalised[..length]) ? text : new string(normalised[..length]);
        return true;
    }

    private bool TryPrison(CsvRow row, out string? prison)
    {
        prison = null;
        var cell = row.Utf8(_currentPrison);
        if (cell.IsEmpty)
        {
            return true;
        }

        if (cell.Length != 3 || !char.IsAsciiLetter((char)cell[0]) || !char.IsAsciiLetter((char)cell[1]) || !char.IsAsciiLetter((char)cell[2]))
        {
            return false;
        }

        prison = row[_currentPrison]!.ToUpperInvariant();
        return true;
    }

    private static bool TryOptionalDate(ReadOnlySpan<byte> cell, out LocalDate? date)
    {
        date = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (!PlainCells.TryParseIsoDate(cell, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>000 Annex A; 002 §40–44: consent as recorded; null for anything the general path must judge.</summary>
    private Consent? TryConsent(CsvRow row)
    {
        var cell = row.Utf8(_consent);
        if (PlainCells.EqualsIgnoreAsciiCase(cell, "NO"u8))
        {
            return Consent.None;
        }

        if (!PlainCells.EqualsIgnoreAsciiCase(cell, "YES"u8)
            || row[_consentScope] is not { } scopeText
            || Scope(scopeText) is not { } scope
            || !PlainCells.TryParseIsoDate(row.Utf8(_consentDate), out var date))
        {
            return null;
        }

        if (_consents.TryGetValue((scope, date), out var known))
        {
            return known;
        }

        // Consent is immutable, so clients with the same scope and date can share one instance.
        var consent = new Consent(true, scope, date);
        if (_consents.Count < MaxRememberedConsents)
        {
            _consents.Add((scope, date), consent);
        }

        return consent;
    }

    /// <summary>The org types of a scope, read exactly as the general path reads them; null when any entry is unknown.</summary>
    private IReadOnlySet<OrgType>? Scope(string scopeText)
    {
        if (_scopes.TryGetValue(scopeText, out var known))
        {
            return known;
        }

        HashSet<OrgType>? scope = [];
        var parts = scopeText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            scope = null;
        }

        foreach (var part in parts)
        {
            if (!OrgTypeCodes.TryParse(part, out var orgType))
            {
                scope = null;
                break;
            }

            scope!.Add(orgType);
        }

        if (_scopes.Count < MaxRememberedScopes)
        {
            _scopes.Add(scopeText, scope);
        }

        return scope;
    }

    private static bool TryLegalBasis(ReadOnlySpan<byte> cell, out LegalBasis? basis)
    {
        basis = null;
        if (cell.IsEmpty)
        {
            return true;
        }

        if (PlainCells.EqualsIgnoreAsciiCase(cell, "RA"u8))
        {
            basis = LegalBasis.RequiredAssessment;
        }
        else if (PlainCells.EqualsIgnoreAsciiCase(cell, "ROB"u8))
        {
            basis = LegalBasis.RestrictionOnBail;
        }
        else if (PlainCells.EqualsIgnoreAsciiCase(cell, "RISK"u8))
        {
            basis = LegalBasis.RiskOfHarm;
        }

        return basis is not null;
    }

    private static bool TryPpo(ReadOnlySpan<byte> cell, out bool ppo)
    {
        ppo = PlainCells.EqualsIgnoreAsciiCase(cell, "YES"u8);
        return ppo || cell.IsEmpty || PlainCells.EqualsIgnoreAsciiCase(cell, "NO"u8);
    }
}
