using System.Diagnostics;
using System.Globalization;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// A child process started in its own process group (<c>setsid</c>), so a signal reaches the process and everything it
/// started — a SIGKILL is then what a power cut or an OOM kill does to the real process, not a cooperative stop.
/// Every output line goes to <see cref="LogSink"/> (the privacy scanner reads it all).
/// </summary>
internal sealed class OsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private int _disposed;

    private OsProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _disposed == 1 || _process.HasExited;

    public static OsProcess Start(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, LogSink sink, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        process.OutputDataReceived += (_, e) => sink.Add(e.Data);
        process.ErrorDataReceived += (_, e) => sink.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OsProcess(process);
    }

    /// <summary>Sends <paramref name="signal"/> (KILL, TERM, INT) to the whole process group and waits up to <paramref name="wait"/> for the exit.</summary>
    public Task<bool> SignalGroupAsync(string signal, TimeSpan wait) =>
        _disposed == 1 ? Task.FromResult(true) : SignalAndWaitAsync(signal, wait);

    // Asks the process itself, not HasExited: DisposeAsync marks the object disposed before it kills, and HasExited
    // then says "exited" — the kill was skipped and a failed test's runner was left running.
    private async Task<bool> SignalAndWaitAsync(string signal, TimeSpan wait)
    {
        if (!_process.HasExited)
        {
            // setsid (not a group leader when started from here) execs in place: its pid is the new group's id.
            using var kill = Process.Start("kill", ["-" + signal, "--", "-" + _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var bound = new CancellationTokenSource(wait);
        try
        {
            await _process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Kills the group if it still runs; safe to call more than once (a test's finally after a failed restart).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            await SignalAndWaitAsync("KILL", TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
