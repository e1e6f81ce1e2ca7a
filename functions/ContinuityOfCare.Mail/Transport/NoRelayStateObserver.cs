namespace ContinuityOfCare.Mail.Transport;

/// <summary>The default when no host listens: the transitions are still logged by <see cref="ResilientMailSender"/>.</summary>
public sealed class NoRelayStateObserver : IRelayStateObserver
{
    /// <inheritdoc />
    public ValueTask RelayDownAsync(TimeSpan breakDuration, string lastFailure) => default;

    /// <inheritdoc />
    public ValueTask RelayBackAsync() => default;
}
