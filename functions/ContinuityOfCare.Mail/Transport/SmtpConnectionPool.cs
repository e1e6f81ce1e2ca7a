using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// A small pool of long-lived, authenticated SMTP connections (<see cref="SmtpOptions.PoolSize"/>). A connection is
/// opened on first use and kept; one idle longer than <see cref="SmtpOptions.KeepAliveAfter"/> is checked with NOOP
/// before it is used again, and one the server dropped (or that failed mid-exchange) is replaced. Why a pool: a
/// connection per message costs a TCP and TLS handshake and AUTH each time, which is what made the previous
/// transport slow (docs/benchmarks.md "Mail").
/// </summary>
public sealed class SmtpConnectionPool : IAsyncDisposable, IDisposable
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PooledSmtpConnection> _idle = [];
    private int _opened;
    private bool _disposed;

    /// <summary>Creates the pool; nothing connects until the first send.</summary>
    public SmtpConnectionPool(IOptions<SmtpOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _time = timeProvider;
        _slots = new SemaphoreSlim(Math.Max(1, _options.PoolSize));
    }

    /// <summary>Connections opened since start (a test sees reconnects here).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>
    /// A connected, authenticated connection for one message. Return it with <see cref="Return"/>. Connection failures
    /// surface as MailKit/socket exceptions for the transport to classify.
    /// </summary>
    public async Task<PooledSmtpConnection> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        PooledSmtpConnection? connection = null;
        try
        {
            if (!_idle.TryTake(out connection))
            {
                connection = new PooledSmtpConnection(new HubSmtpClient
                {
                    RequestDeliveryStatus = _options.RequestDeliveryStatus,
                    Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds),
                });
            }

            await EnsureReadyAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection?.Dispose();
            _slots.Release();
            throw;
        }
    }

    /// <summary>Gives the connection back: kept when it is still usable, else closed so the next rent opens a new one.</summary>
    public void Return(PooledSmtpConnection connection, bool usable)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (usable && !_disposed && connection.Client.IsConnected)
        {
            connection.LastUsed = _time.GetTimestamp();
            _idle.Add(connection);
        }
        else
        {
            connection.Dispose();
        }

        _slots.Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            await connection.QuitAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private async Task EnsureReadyAsync(PooledSmtpConnection connection, CancellationToken cancellationToken)
    {
        var client = connection.Client;
        if (client.IsConnected && _time.GetElapsedTime(connection.LastUsed) > _options.KeepAliveAfter)
        {
            try
            {
                await client.NoOpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The server dropped the idle connection (RFC 5321 §4.5.3.2.7 lets it after 5 minutes); open a new one.
                await client.DisconnectAsync(false, CancellationToken.None).ConfigureAwait(false);
            }
        }

        if (client.IsConnected)
        {
            return;
        }

        // architecture.md "Security rules": STARTTLS is required; only a loopback development relay may go without it
        // (SmtpOptionsValidator refuses anything else).
        var security = _options.RequireStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        // Nagle off: the end-of-data line is a small write after a large one, and with Nagle on it waits for the
        // relay's delayed ACK (~40 ms on Linux) on every message — the stall docs/benchmarks.md "Mail" measured.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_options.Host, _options.Port, cancellationToken).ConfigureAwait(false);
            await client.ConnectAsync(socket, _options.Host, _options.Port, security, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Interlocked.Increment(ref _opened);
        if (!string.IsNullOrWhiteSpace(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        connection.LastUsed = _time.GetTimestamp();
    }
}
