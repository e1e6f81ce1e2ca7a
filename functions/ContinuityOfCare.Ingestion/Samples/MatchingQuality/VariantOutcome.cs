namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>How the defendants of one <see cref="MatchingVariant"/> came out of matching.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="Defendants">How many there were.</param>
/// <param name="MatchedRight">Matched (routed) to the right client.</param>
/// <param name="MatchedWrong">Matched (routed) to another client, or, for strangers, to any client: a wrong match.</param>
/// <param name="HeldWithRight">Held as a possible match with the right client among the candidates.</param>
/// <param name="HeldWithoutRight">Held without the right client among the candidates (for strangers: held at all).</param>
/// <param name="None">Not matched and not held.</param>
public sealed record VariantOutcome(MatchingVariant Variant, int Defendants, int MatchedRight, int MatchedWrong, int HeldWithRight, int HeldWithoutRight, int None);
