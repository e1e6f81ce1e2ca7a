namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>A queue message.</summary>
/// <param name="Message">The message text (for JSON messages, the JSON text).</param>
/// <param name="MessageId">The storage message id.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included (1 on the first try).</param>
public sealed record QueueTriggerInput(string Message, string? MessageId, long DequeueCount) : TriggerInput;
