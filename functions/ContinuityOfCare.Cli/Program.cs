using System.CommandLine;
using ContinuityOfCare.Cli.Commands;

// `coc`: one thin entry point; each verb lives in its own file under Commands/.
// Exit codes: 0 success, 1 the work failed, 2 unusable arguments or unreadable input.
var root = new RootCommand("coc: the Continuity of Care hub's command-line tool");
foreach (var command in CommandCatalogue.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
