namespace ContinuityOfCare.Mail.Transport;

/// <summary>One pooled SMTP connection and when it was last used (for the NOOP keep-alive check).</summary>
public sealed class PooledSmtpConnection : IDisposable
{
    internal PooledSmtpConnection(HubSmtpClient client) => Client = client;

    internal HubSmtpClient Client { get; }

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last exchange.</summary>
    internal long LastUsed { get; set; }

    /// <summary>Says goodbye politely (QUIT) and closes; errors are irrelevant at this point.</summary>
    internal async Task QuitAsync()
    {
        try
        {
            if (Client.IsConnected)
            {
                await Client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            // Closing anyway.
        }
        finally
        {
            Client.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
