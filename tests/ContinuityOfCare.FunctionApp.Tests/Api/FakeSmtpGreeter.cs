using System.Net;
using System.Net.Sockets;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>A loopback listener that greets each connection like an SMTP relay (<c>220</c>) and closes it: enough for the health probe.</summary>
public sealed class FakeSmtpGreeter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts listening on a free port.</summary>
    public FakeSmtpGreeter(string greeting = "220 fake.relay ESMTP ready\r\n")
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await client.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(greeting), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (IOException)
                {
                    // The probe hung up early: keep serving.
                }
            }
        });
    }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
