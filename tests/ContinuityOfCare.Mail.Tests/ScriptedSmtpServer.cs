using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// A tiny SMTP server on loopback whose replies are scripted per message, for the behaviours maildev cannot show:
/// "4xx then 2xx", "421 and close", "550 mailbox unavailable", a connection dropped mid-DATA (<see cref="DropMidData"/>
/// as the DATA reply), a connection closed after a message, and "accepts the connection but never answers". Enough of
/// RFC 5321 for MailKit: greeting, EHLO/HELO (optionally offering PIPELINING and DSN), MAIL, RCPT, DATA, RSET, NOOP,
/// QUIT. Every command line is recorded.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, string> _recipientReply;
    private readonly Func<int, string> _dataReply;
    private readonly bool _silent;
    private readonly Task _loop;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commands = new();
    private int _messages;
    private int _accepted;
    private int _connections;

    private ScriptedSmtpServer(Func<int, string> recipientReply, Func<int, string> dataReply, bool silent, int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _recipientReply = recipientReply;
        _dataReply = dataReply;
        _silent = silent;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    /// <summary>As a DATA reply: read part of the message, then close the connection without a word.</summary>
    public const string DropMidData = "DROP";

    /// <summary>Offer PIPELINING and DSN in the EHLO reply (off by default).</summary>
    public bool OfferExtensions { get; init; }

    /// <summary>Close the connection after each accepted message (a relay that drops idle sessions).</summary>
    public bool CloseAfterMessage { get; init; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every command line received, in order (message content excluded).</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages (MAIL transactions) attempted so far.</summary>
    public int Messages => Volatile.Read(ref _messages);

    /// <summary>Messages answered 250 at the end of DATA.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Replies to the end of DATA by attempt number (1-based).</summary>
    public static ScriptedSmtpServer AnsweringData(Func<int, string> dataReply) => new(_ => "250 2.1.5 OK", dataReply, silent: false);

    /// <summary>Replies to the end of DATA by attempt number, listening on <paramref name="port"/> (a relay coming back).</summary>
    public static ScriptedSmtpServer AnsweringData(Func<int, string> dataReply, int port) => new(_ => "250 2.1.5 OK", dataReply, silent: false, port);

    /// <summary>Replies to the end of DATA by attempt number, with the extension and closing behaviour given.</summary>
    public static ScriptedSmtpServer AnsweringData(Func<int, string> dataReply, bool offerExtensions, bool closeAfterMessage) =>
        new(_ => "250 2.1.5 OK", dataReply, silent: false) { OfferExtensions = offerExtensions, CloseAfterMessage = closeAfterMessage };

    /// <summary>Replies to RCPT by attempt number (1-based); DATA, if reached, is accepted.</summary>
    public static ScriptedSmtpServer AnsweringRecipient(Func<int, string> recipientReply) => new(recipientReply, _ => "250 2.0.0 queued", silent: false);

    /// <summary>Accepts connections and never says a word.</summary>
    public static ScriptedSmtpServer Silent() => new(_ => "", _ => "", silent: true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(sessions.Select(session => session.ContinueWith(static _ => { }, TaskScheduler.Default)));
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Interlocked.Increment(ref _connections);
        // Replies go out at once: with Nagle on, a reply split over two writes waits for the client's delayed ACK (~40 ms).
        client.NoDelay = true;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        if (_silent)
        {
            await Task.Delay(Timeout.Infinite, _stop.Token);
            return;
        }

        await writer.WriteLineAsync("220 scripted.test ESMTP");
        var attempt = 0;
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            _commands.Enqueue(line);
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-scripted.test");
                    if (OfferExtensions)
                    {
                        await writer.WriteLineAsync("250-PIPELINING");
                        await writer.WriteLineAsync("250-DSN");
                    }

                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 scripted.test");
                    break;
                case "MAIL":
                    attempt = Interlocked.Increment(ref _messages);
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    await writer.WriteLineAsync(_recipientReply(attempt));
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var reply = _dataReply(attempt);
                    if (reply == DropMidData)
                    {
                        // Part of the message arrives, then the line goes dead: no reply, ever.
                        await reader.ReadLineAsync(_stop.Token);
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }

                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                    {
                    }

                    if (reply.StartsWith("250", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _accepted);
                    }

                    await writer.WriteLineAsync(reply);
                    if (reply.StartsWith("421", StringComparison.Ordinal) || (CloseAfterMessage && reply.StartsWith("250", StringComparison.Ordinal)))
                    {
                        return;
                    }

                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }
}
