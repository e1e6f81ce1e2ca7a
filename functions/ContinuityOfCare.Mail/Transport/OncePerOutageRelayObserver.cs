namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Passes on one "relay down" per outage and one "relay back" at its end. The breaker opens again each time a trial
/// message fails while the relay is still away (half-open → open), so a relay down longer than the break duration
/// would otherwise raise a notice per failed trial; the operator needs one for the outage and one when it is over.
/// </summary>
internal sealed class OncePerOutageRelayObserver(IRelayStateObserver inner) : IRelayStateObserver
{
    private int _down;

    /// <inheritdoc />
    public ValueTask RelayDownAsync(TimeSpan breakDuration, string lastFailure) =>
        Interlocked.Exchange(ref _down, 1) == 0 ? inner.RelayDownAsync(breakDuration, lastFailure) : default;

    /// <inheritdoc />
    public ValueTask RelayBackAsync() =>
        Interlocked.Exchange(ref _down, 0) == 1 ? inner.RelayBackAsync() : default;
}
