using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>
/// A child process (Azurite or maildev from node_modules) owned by the main job: its output is kept for error messages,
/// and disposing it kills its whole process tree, so nothing is left behind on Ctrl-C, errors or a normal exit.
/// </summary>
/// <remarks>
/// CliWrap starts the process, captures its output and stops it: cancelling the graceful token sends SIGINT (as
/// Ctrl-C would), cancelling the forceful token kills the whole process tree. What CliWrap does not do stays here:
/// choosing free ports and probing them until the child is ready, and killing children when this process exits
/// without running its <c>finally</c> blocks.
/// </remarks>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(10);
    private static readonly List<ChildProcess> Running = [];
    private readonly CancellationTokenSource _kill = new();
    private readonly CancellationTokenSource _interrupt = new();
    private readonly StringBuilder _output = new();
    private readonly bool _interruptFirst;
    private readonly CommandTask<CommandResult> _execution;

    static ChildProcess()
    {
        // The last line of defence: whatever ends this process, its children go with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private ChildProcess(string name, Command command, bool interruptFirst)
    {
        Name = name;
        _interruptFirst = interruptFirst;
        var capture = PipeTarget.ToDelegate(Append);
        _execution = command
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(capture)
            .WithStandardErrorPipe(capture)
            .ExecuteAsync(_kill.Token, _interrupt.Token);
    }

    /// <summary>A short name for messages (azurite, maildev).</summary>
    public string Name { get; }

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/>.</summary>
    /// <param name="interruptFirst">
    /// Ask the child to stop (SIGINT) and give it <see cref="InterruptGrace"/> before killing it: Azurite writes its
    /// persisted storage on a graceful stop and loses the last writes if killed outright.
    /// </param>
    public static ChildProcess Start(string name, string executable, string workingDirectory, IEnumerable<string> arguments, bool interruptFirst)
    {
        var command = CliWrap.Cli.Wrap(executable).WithArguments(arguments).WithWorkingDirectory(workingDirectory);
        lock (Running)
        {
            var child = new ChildProcess(name, command, interruptFirst);
            Running.Add(child);
            return child;
        }
    }

    /// <summary>Waits until every port accepts TCP connections.</summary>
    /// <exception cref="InvalidOperationException">The process exited or did not become ready in time (its output is in the message).</exception>
    public async Task WaitForPortsAsync(IEnumerable<int> ports, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var execution = _execution.Task;
        var clock = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (!await AcceptsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                if (execution.IsCompleted)
                {
                    var exit = execution.IsCompletedSuccessfully ? $"with code {execution.Result.ExitCode}" : "abnormally";
                    throw new InvalidOperationException($"{Name} exited {exit} before it was ready:\n{Output()}");
                }

                if (clock.Elapsed > timeout)
                {
                    throw new InvalidOperationException($"{Name} did not accept connections on port {port} within {timeout.TotalSeconds:0} s:\n{Output()}");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        var execution = _execution.Task;
        try
        {
            if (_interruptFirst && !execution.IsCompleted)
            {
                await _interrupt.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(execution, Task.Delay(InterruptGrace)).ConfigureAwait(false);
            }

            // Whatever is still running — the child, or anything it started — goes with the whole tree.
            await _kill.CancelAsync().ConfigureAwait(false);
            await ((Task)execution).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            lock (Running)
            {
                Running.Remove(this);
            }

            _kill.Dispose();
            _interrupt.Dispose();
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var child in Running)
            {
                // CliWrap kills the process tree from the cancellation callback, synchronously.
                child._kill.Cancel();
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
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
