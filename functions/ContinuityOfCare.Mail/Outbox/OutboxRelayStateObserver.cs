using Azure;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// Turns the circuit breaker's transitions into operator notices, one per transition (docs/operations.md "Notices").
/// The outbox is resolved on first use: it sends through the sender whose breaker reports here. A notice that cannot
/// be stored (storage down too) is logged, never thrown into the send that tripped the breaker.
/// </summary>
public sealed partial class OutboxRelayStateObserver(IServiceProvider services, ILogger<OutboxRelayStateObserver> logger) : IRelayStateObserver
{
    /// <inheritdoc />
    public ValueTask RelayDownAsync(TimeSpan breakDuration, string lastFailure) =>
        RaiseAsync(down: true, $"sending paused for {breakDuration} after repeated failures; last: {lastFailure}");

    /// <inheritdoc />
    public ValueTask RelayBackAsync() => RaiseAsync(down: false, "a trial message was accepted; sending resumed");

    private async ValueTask RaiseAsync(bool down, string detail)
    {
        try
        {
            await services.GetRequiredService<AlertOutbox>().RaiseRelayNoticeAsync(down, detail, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            LogNoticeNotStored(logger, down, exception.Status);
        }
    }

    [LoggerMessage(EventId = 5106, Level = LogLevel.Error, Message = "Relay notice (down: {Down}) could not be stored: storage answered {Status}")]
    private static partial void LogNoticeNotStored(ILogger logger, bool down, int status);
}
