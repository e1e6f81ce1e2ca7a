using ContinuityOfCare.FunctionApp.Invocation;

namespace ContinuityOfCare.FunctionApp.Pipeline;

/// <summary>The text of a queue-triggered invocation's message.</summary>
public static class QueueText
{
    /// <summary>The message text.</summary>
    /// <exception cref="InvalidOperationException">The function was not triggered by a queue message.</exception>
    public static string Of(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Trigger is QueueTriggerInput queue
            ? queue.Message
            : throw new InvalidOperationException($"{context.Definition.Name} is triggered by a queue message, not {context.Trigger.GetType().Name}");
    }
}
