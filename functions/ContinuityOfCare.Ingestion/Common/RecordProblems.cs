using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Collects what is wrong with one record while it is read: errors (the record is rejected, all reasons in one
/// message) and warnings (the record is used without the bad value). Reasons name fields, never values: they are
/// personal data (docs/domain.md "Consent and data minimisation").
/// </summary>
internal sealed class RecordProblems(SourceRef where)
{
    private readonly List<string> _errors = [];
    private readonly List<Rejection> _warnings = [];

    public SourceRef Where { get; } = where;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<Rejection> Warnings => _warnings;

    public void Error(string reason) => _errors.Add(reason);

    public void Warn(string reason) => _warnings.Add(new Rejection(Where, reason, IsWarning: true));

    /// <summary>The rejection for the record (every error, in order).</summary>
    public Rejection ToRejection() => new(Where, string.Join("; ", _errors));

    /// <summary>A required text field: trimmed, inner runs of white space collapsed; an error when blank.</summary>
    public string Required(string? value, string field)
    {
        var cleaned = Clean(value);
        if (cleaned is null)
        {
            Error($"{field} is required");
            return string.Empty;
        }

        return cleaned;
    }

    /// <summary>A required <c>YYYY-MM-DD</c> date.</summary>
    public LocalDate RequiredDate(string? value, string field)
    {
        if (value is null)
        {
            Error($"{field} is required");
            return default;
        }

        if (!InputDates.TryParseIsoDate(value, out var date))
        {
            Error($"{field} is not a date (YYYY-MM-DD)");
        }

        return date;
    }

    /// <summary>An optional <c>YYYY-MM-DD</c> date: a warning (and null) when malformed.</summary>
    public LocalDate? OptionalDate(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (InputDates.TryParseIsoDate(value, out var date))
        {
            return date;
        }

        Warn($"{field} ignored: not a date (YYYY-MM-DD)");
        return null;
    }

    /// <summary>An optional PNC id, canonicalised; an invalid one is a warning and is not used (docs/domain.md "Matching").</summary>
    public PncId? Pnc(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (PncId.TryParse(value, out var pnc, out var error))
        {
            return pnc;
        }

        Warn($"{field} ignored: {error}");
        return null;
    }

    /// <summary>An optional CRO number; an invalid one is a warning and is not used.</summary>
    public CroNumber? Cro(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (CroNumber.TryParse(value, out var cro, out var error))
        {
            return cro;
        }

        Warn($"{field} ignored: {error}");
        return null;
    }

    /// <summary>An optional NOMS number; an invalid one is a warning and is not used.</summary>
    public NomsNumber? Noms(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (NomsNumber.TryParse(value, out var noms, out var error))
        {
            return noms;
        }

        Warn($"{field} ignored: {error}");
        return null;
    }

    /// <summary>An optional ASN; a malformed one is a warning and is not used.</summary>
    public string? Asn(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        if (ArrestSummonsNumber.TryNormalise(value, out var asn, out var error))
        {
            return asn;
        }

        Warn($"{field} ignored: {error}");
        return null;
    }

    /// <summary>An optional <c>yes</c>/<c>no</c> flag (case-insensitive); blank is <paramref name="blank"/>.</summary>
    public bool? YesNo(string? value, string field, bool? blank)
    {
        switch (value?.ToUpperInvariant())
        {
            case null: return blank;
            case "YES": return true;
            case "NO": return false;
            default:
                Error($"{field} is not yes or no");
                return null;
        }
    }

    /// <summary>Trims and collapses inner white space; null for blank.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Contains("  ", StringComparison.Ordinal) || trimmed.AsSpan().IndexOfAny('\t', '\r', '\n') >= 0
            ? string.Join(' ', trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            : trimmed;
    }
}
