namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>What <see cref="SampleWorldGenerator"/> builds: the same settings always give the same world.</summary>
/// <param name="Seed">The random seed.</param>
/// <param name="Clients">How many clients the register holds.</param>
/// <param name="Defendants">How many defendants the court lists name (clients, near misses and strangers).</param>
public sealed record SampleSettings(int Seed, int Clients, int Defendants);
