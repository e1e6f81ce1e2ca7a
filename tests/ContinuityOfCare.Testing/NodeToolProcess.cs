using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;

namespace ContinuityOfCare.Testing;

/// <summary>
/// One run of a tool from the repository's <c>node_modules/.bin</c> (Azurite, maildev), its output kept for error
/// messages, stopped by killing its whole process tree.
/// </summary>
/// <remarks>
/// CliWrap starts the process, captures its output and kills the tree on cancellation. What it does not do stays
/// here: finding the tool, choosing free ports, and probing them until the tool is ready.
/// </remarks>
internal sealed class NodeToolProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _kill = new();
    private readonly StringBuilder _output = new();
    private readonly CommandTask<CommandResult> _execution;

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/>.</summary>
    public NodeToolProcess(string name, string executable, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        Name = name;
        var capture = PipeTarget.ToDelegate(Append);
        var command = Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(capture)
            .WithStandardErrorPipe(capture);
        _execution = (workingDirectory is null ? command : command.WithWorkingDirectory(workingDirectory)).ExecuteAsync(_kill.Token);
    }

    /// <summary>A short name for messages (Azurite, maildev).</summary>
    public string Name { get; }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _execution.Task.IsCompleted;

    /// <summary>The path of <c>node_modules/.bin/<paramref name="tool"/></c> in the repository holding this test assembly.</summary>
    /// <exception cref="InvalidOperationException">No repository above the assembly, or the tool is not installed (run <c>npm ci</c>).</exception>
    public static string Find(string tool)
    {
        var root = RepositoryRoot.Path;
        var executable = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? tool + ".cmd" : tool);
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"{tool} is not installed ({executable} is missing). Run `npm ci` in {root} first.");
    }

    /// <summary>Whether <paramref name="port"/> on the loopback address accepts a TCP connection now.</summary>
    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="ready"/> until it answers true.</summary>
    /// <exception cref="InvalidOperationException">The process exited or was not ready within <paramref name="timeout"/> (its output is in the message).</exception>
    public async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> ready, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (!await ready(cancellationToken).ConfigureAwait(false))
        {
            if (HasExited)
            {
                var exit = _execution.Task.IsCompletedSuccessfully ? $"with code {_execution.Task.Result.ExitCode}" : "abnormally";
                throw new InvalidOperationException($"{Name} exited {exit} before it was ready. Output:\n{Output()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"{Name} was not ready within {timeout.TotalSeconds:0} s. Output:\n{Output()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every port accepts TCP connections.</summary>
    /// <exception cref="InvalidOperationException">The process exited or was not ready in time.</exception>
    public async Task WaitForPortsAsync(IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var all = ports.ToArray();
        await WaitUntilAsync(
            async token =>
            {
                foreach (var port in all)
                {
                    if (!await AcceptsAsync(port, token).ConfigureAwait(false))
                    {
                        return false;
                    }
                }

                return true;
            },
            timeout,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the process with its whole tree (an outage, as far as its clients can tell) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _kill.CancelAsync().ConfigureAwait(false);
        await ((Task)_execution.Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _kill.Dispose();
    }

    private void Append(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(no output)" : _output.ToString();
        }
    }
}
