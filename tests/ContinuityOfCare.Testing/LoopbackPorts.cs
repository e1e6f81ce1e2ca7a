using System.Net;
using System.Net.Sockets;

namespace ContinuityOfCare.Testing;

/// <summary>Loopback ports for the servers the tests start (Azurite, maildev, dovecot, the runner, scripted SMTP).</summary>
public static class LoopbackPorts
{
    /// <summary>A port free now (another process may still take it before the server binds it: callers retry).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
