using System.CommandLine;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// Parses and runs a command line so that unusable arguments — a required option missing, an unknown option — exit 2
/// like every other usage error (docs/cli.md "Exit codes"), not System.CommandLine's default 1, which means "the work
/// failed".
/// </summary>
internal static class CommandLineEntry
{
    /// <summary>Exit code for unusable arguments.</summary>
    public const int UsageError = 2;

    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/>.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(configuration);
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0)
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        foreach (var problem in parse.Errors)
        {
            await configuration.Error.WriteLineAsync($"coc: {problem.Message}").ConfigureAwait(false);
        }

        var verb = string.Join(' ', parse.CommandResult.Command.Name == root.Name ? [] : CommandPath(parse.CommandResult.Command, root));
        await configuration.Error.WriteLineAsync($"Usage: coc {verb}{(verb.Length > 0 ? " " : "")}--help").ConfigureAwait(false);
        return UsageError;
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var names = new Stack<string>();
        for (Command? current = command; current is not null && current != root; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(current.Name);
        }

        return names;
    }
}
