namespace ContinuityOfCare.Cli.Demo;

/// <summary>One sample file dropped into an inbox, and what became of it.</summary>
/// <param name="Container">The inbox container.</param>
/// <param name="Name">The file name.</param>
/// <param name="Sha256">The SHA-256 of its bytes (its identity in the hub).</param>
internal sealed record DemoFile(string Container, string Name, string Sha256);
