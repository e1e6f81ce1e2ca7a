namespace ContinuityOfCare.Cli.Demo;

/// <summary>One sample file dropped into an inbox, and what became of it.</summary>
/// <param name="Container">The inbox container.</param>
/// <param name="Name">The file name.</param>
/// <param name="Sha256">The SHA-256 of its bytes (its identity in the hub).</param>
/// <param name="Earlier">
/// The hub had already ingested these bytes before this run dropped them (a <c>--data-dir</c> run): nothing of it is
/// sent again, so the summary counts it apart.
/// </param>
internal sealed record DemoFile(string Container, string Name, string Sha256, bool Earlier = false);
