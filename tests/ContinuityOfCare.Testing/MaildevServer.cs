using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ContinuityOfCare.Testing;

/// <summary>
/// A real maildev (npm, pinned in package.json) started from <c>node_modules/.bin</c> on free loopback ports, with its
/// REST API for reading what was delivered. Stoppable and restartable on the same ports (to take the relay away from a
/// test and give it back); the process is killed on dispose.
/// </summary>
public sealed class MaildevServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _executable;
    private readonly string _mailDirectory;
    private readonly HttpClient _http;
    private readonly StringBuilder _errorOutput = new();
    private Process? _process;

    private MaildevServer(string executable, int smtpPort, int webPort)
    {
        _executable = executable;
        SmtpPort = smtpPort;
        WebPort = webPort;
        _mailDirectory = Path.Combine(Path.GetTempPath(), "coc-maildev-" + Guid.NewGuid().ToString("N"));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The SMTP port on 127.0.0.1 (no TLS, no auth).</summary>
    public int SmtpPort { get; }

    /// <summary>The web/REST port on 127.0.0.1.</summary>
    public int WebPort { get; }

    /// <summary>The SMTP host to configure clients with.</summary>
    public static string Host => "127.0.0.1";

    /// <summary>Starts maildev on two free ports and waits until both SMTP and the REST API answer.</summary>
    /// <exception cref="InvalidOperationException">maildev is not installed (run <c>npm ci</c>) or did not start.</exception>
    public static async Task<MaildevServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new MaildevServer(FindExecutable(), FreePort(), FreePort());
        try
        {
            await server.RestartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the process again on the same ports (after <see cref="StopAsync"/>) and waits for readiness.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("maildev is already running.");
        }

        var start = new ProcessStartInfo(_executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--ip", Host, "--mail-directory", _mailDirectory, "--silent",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_errorOutput)
                {
                    _errorOutput.AppendLine(line.Data);
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        await WaitUntilReadyAsync(process, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the process (the relay goes away); ports and delivered mail files are kept for a restart.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Every message maildev holds (<c>GET /email</c>).</summary>
    public async Task<IReadOnlyList<MaildevEmail>> GetEmailsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("email", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.EnumerateArray().Select(MaildevEmail.FromJson)];
    }

    /// <summary>
    /// Waits until at least <paramref name="expected"/> messages match <paramref name="filter"/>, then returns every match
    /// once two reads agree (maildev stores a message a moment after it answers 250, so an exact count is read only
    /// once it is stable). Returns what matched at the deadline if fewer arrive, so the caller's assertion reports it.
    /// </summary>
    public async Task<IReadOnlyList<MaildevEmail>> WaitForEmailsAsync(
        Func<MaildevEmail, bool> filter, int expected, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        IReadOnlyList<MaildevEmail> previous = [];
        while (true)
        {
            var current = (await GetEmailsAsync(cancellationToken).ConfigureAwait(false)).Where(filter).ToArray();
            if ((current.Length >= expected && current.Length == previous.Count) || deadline.Elapsed > limit)
            {
                return current;
            }

            previous = current;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The raw RFC 5322 source of one message (<c>GET /email/{id}/source</c>).</summary>
    public Task<string> GetSourceAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetStringAsync(new Uri($"email/{Uri.EscapeDataString(id)}/source", UriKind.Relative), cancellationToken);

    /// <summary>The HTML part of one message as maildev serves it (<c>GET /email/{id}/html</c>).</summary>
    public Task<string> GetHtmlAsync(string id, CancellationToken cancellationToken = default) =>
        _http.GetStringAsync(new Uri($"email/{Uri.EscapeDataString(id)}/html", UriKind.Relative), cancellationToken);

    /// <summary>Deletes every held message (<c>DELETE /email/all</c>).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync(new Uri("email/all", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _http.Dispose();
        try
        {
            if (Directory.Exists(_mailDirectory))
            {
                Directory.Delete(_mailDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing a test run over it is not.
        }
    }

    private async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"maildev exited with code {process.ExitCode} before it was ready: {ErrorOutput()}");
            }

            if (await SmtpAcceptsAsync(cancellationToken).ConfigureAwait(false) && await WebAnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"maildev did not become ready within {StartTimeout}: {ErrorOutput()}");
    }

    private async Task<bool> SmtpAcceptsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, SmtpPort, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<bool> WebAnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private string ErrorOutput()
    {
        lock (_errorOutput)
        {
            return _errorOutput.Length == 0 ? "(no output)" : _errorOutput.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindExecutable()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException(
                $"Could not find the repository root (the folder holding ContinuityOfCare.sln) above {AppContext.BaseDirectory}.");
        }

        var name = OperatingSystem.IsWindows() ? "maildev.cmd" : "maildev";
        var executable = Path.Combine(directory.FullName, "node_modules", ".bin", name);
        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException(
                $"maildev is not installed ({executable} is missing). Run `npm ci` in {directory.FullName} first.");
    }
}
