using System.CommandLine;
using ContinuityOfCare.Cli.Commands;

// `coc`: one thin entry point; each verb lives in its own file under Commands/.
// Exit codes (docs/cli.md): 0 success, 1 the work failed or was rejected, 2 unusable arguments or unreadable input,
// 3 a plan made with a feed file refused whole, 4 storage unreachable or refusing.
var root = new RootCommand("coc: the Continuity of Care hub's command-line tool");
foreach (var command in CommandCatalogue.All())
{
    root.Subcommands.Add(command);
}

return await CommandLineEntry.InvokeAsync(root, args, new InvocationConfiguration(), CancellationToken.None).ConfigureAwait(false);
