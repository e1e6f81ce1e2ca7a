namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>What <see cref="MatchingQualityGenerator"/> builds: the same settings always give the same world.</summary>
/// <param name="Seed">The random seed.</param>
/// <param name="Clients">How many clients the register holds.</param>
/// <param name="Defendants">How many defendants the court list names.</param>
/// <param name="ClientShare">The share of defendants who are clients (the rest are strangers).</param>
public sealed record MatchingQualitySettings(int Seed, int Clients, int Defendants, double ClientShare = 0.3);
