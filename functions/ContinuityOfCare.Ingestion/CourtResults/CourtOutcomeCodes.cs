using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.CourtResults;

/// <summary>The CSV spellings of <see cref="CourtOutcome"/> (formats.md §2 <c>outcome</c>).</summary>
public static class CourtOutcomeCodes
{
    private static readonly Dictionary<string, CourtOutcome> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["REMANDED_IN_CUSTODY"] = CourtOutcome.RemandedInCustody,
        ["SENTENCED_TO_CUSTODY"] = CourtOutcome.SentencedToCustody,
        ["COMMITTED_IN_CUSTODY"] = CourtOutcome.CommittedInCustody,
        ["BAIL"] = CourtOutcome.Bail,
        ["NON_CUSTODIAL"] = CourtOutcome.NonCustodial,
        ["NOT_GUILTY"] = CourtOutcome.NotGuilty,
        ["DISCHARGED"] = CourtOutcome.Discharged,
        ["ADJOURNED"] = CourtOutcome.Adjourned,
    };

    /// <summary>Every accepted spelling, for messages and documentation.</summary>
    public static IReadOnlyList<string> All { get; } = [.. ByCode.Keys];

    /// <summary>Parses an outcome (case-insensitive, surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out CourtOutcome outcome) => ByCode.TryGetValue(text?.Trim() ?? string.Empty, out outcome);

    /// <summary>The CSV spelling of an outcome.</summary>
    public static string ToCode(this CourtOutcome outcome) => ByCode.First(pair => pair.Value == outcome).Key;

    /// <summary>
    /// True for outcomes that put the defendant in prison, which need an <c>establishment</c>
    /// (docs/domain.md "The journey as events": <c>RemandedOrSentencedToPrison(prison)</c>).
    /// </summary>
    public static bool IsCustodial(this CourtOutcome outcome) =>
        outcome is CourtOutcome.RemandedInCustody or CourtOutcome.SentencedToCustody or CourtOutcome.CommittedInCustody;
}
