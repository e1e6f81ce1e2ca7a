using System.CommandLine;
using ContinuityOfCare.Cli.Commands;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>Runs <c>coc</c> verbs in-process through System.CommandLine with captured writers.</summary>
public static class CliRunner
{
    /// <summary>Runs the arguments; returns the exit code and what was written.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var root = new RootCommand("test");
        foreach (var command in CommandCatalogue.All())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLineEntry.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the arguments without cancellation.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);
}
