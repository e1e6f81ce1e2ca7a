namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>A timer firing.</summary>
/// <param name="IsPastDue">True when the firing is later than its scheduled time (e.g. the host was down).</param>
public sealed record TimerTriggerInput(bool IsPastDue) : TriggerInput;
