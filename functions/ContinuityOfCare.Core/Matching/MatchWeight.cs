namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// A Fellegi–Sunter match weight (docs/plan.md "Match weight"): log₂ of the posterior odds that a record is a given
/// client, the prior plus one term per compared field, with term-frequency adjustment from the register.
/// </summary>
/// <param name="Total">The weight in bits, rounded to two decimals (the sum of the parts before rounding).</param>
/// <param name="Parts">The prior and each field's term, in a fixed order.</param>
public sealed record MatchWeight(double Total, IReadOnlyList<MatchWeightPart> Parts)
{
    /// <summary>The posterior probability that the record is the client, 2^w / (1 + 2^w).</summary>
    public double Probability => 1 / (1 + Math.Pow(2, -Total));
}
