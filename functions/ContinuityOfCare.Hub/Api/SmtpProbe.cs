using System.Net.Sockets;
using System.Text;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Checks that the SMTP relay in <c>Mail:Smtp</c> answers: connect, read the greeting, say QUIT. No message is sent
/// and no credentials are used. The mail project does not expose its circuit breaker's state, so reachability is
/// what the health check reports (docs/api.md "GET /api/health").
/// </summary>
public sealed class SmtpProbe(IConfiguration configuration, TimeProvider time)
{
    /// <summary>How long the probe waits for the connection and the greeting together.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Probes the configured relay once.</summary>
    public async Task<SmtpReachability> ProbeAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return SmtpReachability.NotConfigured;
        }

        using var limit = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(options.Host, options.Port, linked.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[512];
                var read = await stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                var greeting = Encoding.ASCII.GetString(buffer, 0, read);
                if (!greeting.StartsWith("220", StringComparison.Ordinal))
                {
                    return SmtpReachability.Unreachable;
                }

                await stream.WriteAsync("QUIT\r\n"u8.ToArray(), linked.Token).ConfigureAwait(false);
                return SmtpReachability.Reachable;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SmtpReachability.Unreachable;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return SmtpReachability.Unreachable;
        }
    }
}
