namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Told when the circuit breaker opens (the relay is considered down) and closes again — once per transition, not once
/// per message. The hub turns each into an operator notice (docs/operations.md "Operator notices").
/// </summary>
public interface IRelayStateObserver
{
    /// <summary>The breaker opened for <paramref name="breakDuration"/> after <paramref name="lastFailure"/>.</summary>
    ValueTask RelayDownAsync(TimeSpan breakDuration, string lastFailure);

    /// <summary>The breaker closed: a trial message went through.</summary>
    ValueTask RelayBackAsync();
}
