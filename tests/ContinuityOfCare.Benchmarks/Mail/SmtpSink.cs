using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContinuityOfCare.Benchmarks.Mail;

/// <summary>
/// A local SMTP server that accepts everything and keeps nothing: the relay side of the mail benchmark, so the figure
/// measures the hub's render + SMTP hand-off rather than a relay's storage.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public SmtpSink()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                _ = ServeAsync(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        // Replies go out at once: with Nagle on, a reply split over two writes waits for the client's delayed ACK (~40 ms).
        client.NoDelay = true;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP").ConfigureAwait(false);
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead").ConfigureAwait(false);
                while (await reader.ReadLineAsync().ConfigureAwait(false) is { } body && body != ".")
                {
                }

                await writer.WriteLineAsync("250 2.0.0 accepted").ConfigureAwait(false);
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye").ConfigureAwait(false);
                return;
            }
            else
            {
                await writer.WriteLineAsync(verb == "EHLO" ? "250 sink" : "250 OK").ConfigureAwait(false);
            }
        }
    }
}
