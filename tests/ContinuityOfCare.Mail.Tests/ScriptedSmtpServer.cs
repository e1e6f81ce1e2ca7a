using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// A tiny SMTP server on loopback whose replies are scripted per message, for the behaviours maildev cannot show:
/// "4xx then 2xx", "550 mailbox unavailable", and "accepts the connection but never answers". Enough of RFC 5321 for
/// System.Net.Mail: greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, string> _recipientReply;
    private readonly Func<int, string> _dataReply;
    private readonly bool _silent;
    private readonly Task _loop;
    private int _messages;
    private int _accepted;

    private ScriptedSmtpServer(Func<int, string> recipientReply, Func<int, string> dataReply, bool silent)
    {
        _recipientReply = recipientReply;
        _dataReply = dataReply;
        _silent = silent;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Messages (MAIL transactions) attempted so far.</summary>
    public int Messages => Volatile.Read(ref _messages);

    /// <summary>Messages answered 250 at the end of DATA.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Replies to the end of DATA by attempt number (1-based).</summary>
    public static ScriptedSmtpServer AnsweringData(Func<int, string> dataReply) => new(_ => "250 2.1.5 OK", dataReply, silent: false);

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
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-scripted.test");
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
                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                    {
                    }

                    var reply = _dataReply(attempt);
                    if (reply.StartsWith("250", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _accepted);
                    }

                    await writer.WriteLineAsync(reply);
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
