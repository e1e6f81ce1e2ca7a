using System.CommandLine;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>Every verb of <c>coc</c>. Add a verb by adding its factory here (one line each).</summary>
internal static class CommandCatalogue
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return DeadlineCommand.Create();
        yield return RulesCommand.Create();
        yield return PlanCommand.Create();
        yield return SamplesCommand.Create();
        yield return DirectoryCommand.Create();
        yield return AlertCommand.Create();
        yield return DemoCommand.Create();
        yield return StatusCommand.Create();
        yield return ReplayPoisonCommand.Create();
        yield return ObligationsCommand.Create();
        yield return HubCommand.Create();
    }
}
