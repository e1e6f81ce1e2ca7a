using NodaTime;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>The arguments of <c>coc demo</c>.</summary>
/// <param name="Now">The instant the hub's clock starts at.</param>
/// <param name="SamplesDirectory">The sample world to drop into the inboxes.</param>
/// <param name="DataDirectory">Azurite's persistence folder, or null for in-memory storage (fresh each run).</param>
/// <param name="ExitWhenDone">Stop once everything is processed and sent, instead of waiting for Ctrl-C.</param>
/// <param name="Timeout">How long to wait for the pipeline to finish before giving up.</param>
internal sealed record DemoSettings(Instant Now, string SamplesDirectory, string? DataDirectory, bool ExitWhenDone, TimeSpan Timeout);
