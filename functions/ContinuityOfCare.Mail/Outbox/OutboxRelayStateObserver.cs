using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// Turns the circuit breaker's transitions into operator notices, one per transition (docs/operations.md "Operator
/// notices"). The outbox is resolved on first use: it sends through the sender whose breaker reports here.
/// </summary>
public sealed class OutboxRelayStateObserver(IServiceProvider services) : IRelayStateObserver
{
    /// <inheritdoc />
    public async ValueTask RelayDownAsync(TimeSpan breakDuration, string lastFailure) =>
        await services.GetRequiredService<AlertOutbox>().RaiseRelayNoticeAsync(
            down: true, $"sending paused for {breakDuration} after repeated failures; last: {lastFailure}", CancellationToken.None).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask RelayBackAsync() =>
        await services.GetRequiredService<AlertOutbox>().RaiseRelayNoticeAsync(
            down: false, "a trial message was accepted; sending resumed", CancellationToken.None).ConfigureAwait(false);
}
