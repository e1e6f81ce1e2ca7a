namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>
/// The documented share of each <see cref="MatchingVariant"/> among listed clients (docs/benchmarks.md "Matching
/// quality"). Shares of the slips are set above what court and case systems are reported to show, so that the
/// measurement stresses the near-miss rules rather than flattering them.
/// </summary>
public static class MatchingVariantShares
{
    /// <summary>Each variant of a listed client with its share (they add up to 1).</summary>
    public static IReadOnlyList<(MatchingVariant Variant, double Share)> ForClients { get; } =
    [
        (MatchingVariant.Exact, 0.705),
        (MatchingVariant.CaseAndSpacing, 0.05),
        (MatchingVariant.Spelling, 0.04),
        (MatchingVariant.MiddleNameAdded, 0.05),
        (MatchingVariant.MiddleNameMissing, 0.03),
        (MatchingVariant.TrailingInitial, 0.02),
        (MatchingVariant.DayMonthSwapped, 0.015),
        (MatchingVariant.OneDigit, 0.02),
        (MatchingVariant.OneDay, 0.01),
        (MatchingVariant.ForenameVariant, 0.015),
        (MatchingVariant.InitialOnly, 0.01),
        (MatchingVariant.FirstMiddleSwapped, 0.005),
        (MatchingVariant.ForenameSlip, 0.01),
        (MatchingVariant.SurnameSlip, 0.01),
        (MatchingVariant.MiddleMissingAndDateSwapped, 0.01),
    ];

    /// <summary>Picks a variant for a listed client from a uniform draw in [0, 1).</summary>
    public static MatchingVariant Pick(double draw)
    {
        var cumulative = 0.0;
        foreach (var (variant, share) in ForClients)
        {
            cumulative += share;
            if (draw < cumulative)
            {
                return variant;
            }
        }

        return MatchingVariant.Exact;
    }
}
