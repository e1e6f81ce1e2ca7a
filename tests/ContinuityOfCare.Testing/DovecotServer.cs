using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContinuityOfCare.Testing;

/// <summary>
/// A real IMAP server for the bounce tests: Debian's dovecot (package <c>dovecot-imapd</c>, installed by
/// <c>scripts/ensure-system-packages.sh</c> before <c>npm test</c>), started in the foreground on a free loopback port
/// with a throw-away configuration, passwd file and maildir under one temporary directory, and killed by its process id
/// on dispose. One user, <see cref="UserName"/>/<see cref="Password"/>, plain login without TLS — loopback only.
/// </summary>
/// <remarks>
/// What dovecot insists on (each refusal seen when running it as root in a container): the login process must not run as
/// root and a mail user with UID 0 is refused, so the package's own <c>dovecot</c>/<c>dovenull</c> users run it and own
/// the mail directory; <c>chroot</c> is empty for <c>imap-login</c> and <c>anvil</c>; every path (base_dir, state_dir,
/// log) lives under the throw-away directory so nothing of the machine's own dovecot is touched.
/// </remarks>
public sealed class DovecotServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly string _root;
    private readonly Process _process;

    private DovecotServer(string root, int port, Process process)
    {
        _root = root;
        Port = port;
        _process = process;
    }

    /// <summary>The IMAP host.</summary>
    public static string Host => "127.0.0.1";

    /// <summary>The IMAP port on <see cref="Host"/> (no TLS).</summary>
    public int Port { get; }

    /// <summary>The mailbox user.</summary>
    public static string UserName => "bounce";

    /// <summary>The mailbox user's password (throw-away).</summary>
    public static string Password => "throwaway-secret";

    /// <summary>Writes the configuration, starts dovecot and waits for its IMAP greeting.</summary>
    /// <exception cref="InvalidOperationException">dovecot is not installed (run scripts/ensure-system-packages.sh) or did not start.</exception>
    public static async Task<DovecotServer> StartAsync(CancellationToken cancellationToken = default)
    {
        const string executable = "/usr/sbin/dovecot";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException("dovecot is not installed: run scripts/ensure-system-packages.sh (npm test does) or apt-get install dovecot-imapd.");
        }

        var (uid, gid) = SystemUser("dovecot");
        var root = Path.Combine(Path.GetTempPath(), "coc-dovecot-" + Guid.NewGuid().ToString("N"));
        var port = LoopbackPorts.Free();
        foreach (var directory in new[] { "run", "state", "mail/Maildir" })
        {
            Directory.CreateDirectory(Path.Combine(root, directory));
        }

        // The package's internal user reads the passwd file and owns the mail; the root directory must be traversable by it.
        await File.WriteAllTextAsync(Path.Combine(root, "passwd"), $"{UserName}:{{PLAIN}}{Password}:{uid}:{gid}::{root}/mail::\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(root, "dovecot.conf"), Configuration(root, port), cancellationToken).ConfigureAwait(false);
        await RunAsync("chmod", ["711", root], cancellationToken).ConfigureAwait(false);
        await RunAsync("chown", ["-R", $"{uid}:{gid}", Path.Combine(root, "mail")], cancellationToken).ConfigureAwait(false);

        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-F", "-c", Path.Combine(root, "dovecot.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dovecot did not start.");
        var server = new DovecotServer(root, port, process);
        try
        {
            await server.WaitForGreetingAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A socket file still being torn down; the directory is in the temp folder anyway.
        }
    }

    private static string Configuration(string root, int port) => $$"""
        protocols = imap
        listen = {{Host}}
        base_dir = {{root}}/run
        state_dir = {{root}}/state
        log_path = {{root}}/dovecot.log
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:{{root}}/mail/Maildir
        default_internal_user = dovecot
        default_internal_group = dovecot
        default_login_user = dovenull
        first_valid_uid = 100
        service imap-login {
          chroot =
          inet_listener imap {
            address = {{Host}}
            port = {{port}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service anvil {
          chroot =
        }
        passdb {
          driver = passwd-file
          args = {{root}}/passwd
        }
        userdb {
          driver = passwd-file
          args = {{root}}/passwd
        }

        """;

    private async Task WaitForGreetingAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dovecot exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)} {ReadLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                using var reader = new StreamReader(client.GetStream(), Encoding.ASCII);
                var greeting = await reader.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                if (greeting?.StartsWith("* OK", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"dovecot did not greet on port {Port} within {StartTimeout}. {ReadLog()}");
            }

            // Polling a child process's port: there is no event to wait on.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(_root, "dovecot.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static (int Uid, int Gid) SystemUser(string name)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == name)
            {
                return (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException($"The system user {name} is missing: is dovecot-imapd installed?");
    }

    private static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed: {await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }
}
