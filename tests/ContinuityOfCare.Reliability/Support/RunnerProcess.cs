using System.Globalization;
using System.Net;
using ContinuityOfCare.Testing;
using NodaTime;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// <c>coc hub run</c> as its own OS process (<c>dotnet coc.dll</c> in a process group of its own), configured entirely
/// by environment variables as an operator would, logging at Trace to stdout (captured for the privacy scanner).
/// </summary>
internal sealed class RunnerProcess : IAsyncDisposable
{
    private readonly OsProcess _process;

    private RunnerProcess(OsProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the runner with <paramref name="settings"/> and the hub's clock at <paramref name="clockStart"/>, and waits until it answers <c>GET /</c>.</summary>
    public static async Task<RunnerProcess> StartAsync(RunnerSettings settings, Instant? clockStart, LogSink sink, TimeSpan? readyWithin = null)
    {
        var port = LoopbackPorts.Free();
        var environment = settings.Environment(port);
        if (clockStart is { } start)
        {
            environment["LocalRunner__ClockStart"] = start.ToString("uuuu-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        sink.Add($"=== runner start (port {port}, clock {clockStart?.ToString() ?? "system"}) ===");
        var process = OsProcess.Start("dotnet", ["exec", Repository.CocDll, "hub", "run", "--urls", $"http://127.0.0.1:{port}"], environment, sink);
        var runner = new RunnerProcess(process, port);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (readyWithin ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await runner.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException("The runner did not become ready:\n" + sink.Tail());
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return runner;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL to the runner's whole process group: no shutdown code runs.</summary>
    public Task KillAsync() => _process.SignalGroupAsync("KILL", TimeSpan.FromSeconds(15));

    /// <summary>SIGTERM, the graceful stop; SIGKILL if it has not stopped within 30 s.</summary>
    public async Task StopAsync()
    {
        if (!await _process.SignalGroupAsync("TERM", TimeSpan.FromSeconds(30)).ConfigureAwait(false))
        {
            await KillAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
