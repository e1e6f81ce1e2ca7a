namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>What triggered an invocation, decoded the same way by both hosts.</summary>
public abstract record TriggerInput;
