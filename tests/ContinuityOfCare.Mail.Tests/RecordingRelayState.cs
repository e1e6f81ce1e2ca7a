using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>Records the breaker's relay-down and relay-back transitions, in order.</summary>
internal sealed class RecordingRelayState : IRelayStateObserver
{
    public List<string> Transitions { get; } = [];

    public ValueTask RelayDownAsync(TimeSpan breakDuration, string lastFailure)
    {
        Transitions.Add("down");
        return default;
    }

    public ValueTask RelayBackAsync()
    {
        Transitions.Add("back");
        return default;
    }
}
