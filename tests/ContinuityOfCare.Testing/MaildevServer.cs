using System.Diagnostics;
using System.Globalization;
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
    private NodeToolProcess? _process;

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
        var server = new MaildevServer(NodeToolProcess.Find("maildev"), LoopbackPorts.Free(), LoopbackPorts.Free());
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

        _process = new NodeToolProcess("maildev", _executable, [
            "--smtp", SmtpPort.ToString(CultureInfo.InvariantCulture),
            "--web", WebPort.ToString(CultureInfo.InvariantCulture),
            "--ip", Host, "--mail-directory", _mailDirectory, "--silent"]);

        // Ready when SMTP accepts connections and the REST API answers: tests use both.
        await _process.WaitUntilAsync(
            async token => await NodeToolProcess.AcceptsAsync(SmtpPort, token).ConfigureAwait(false) && await WebAnswersAsync(token).ConfigureAwait(false),
            StartTimeout,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the process tree (the relay goes away); ports and delivered mail files are kept for a restart.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            await process.DisposeAsync().ConfigureAwait(false);
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
}
