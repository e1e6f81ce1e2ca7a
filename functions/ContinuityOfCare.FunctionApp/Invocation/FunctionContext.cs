using ContinuityOfCare.FunctionApp.Catalogue;

namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>
/// One invocation: the trigger input in, and the outputs the function sets (queue messages per output binding, the
/// HTTP response). Both hosts build it and both deliver its outputs.
/// </summary>
public sealed class FunctionContext
{
    private readonly Dictionary<string, List<string>> _queueMessages = new(StringComparer.Ordinal);

    /// <summary>Creates the context of one invocation.</summary>
    public FunctionContext(FunctionDefinition definition, TriggerInput trigger, string invocationId)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        Trigger = trigger ?? throw new ArgumentNullException(nameof(trigger));
        InvocationId = invocationId ?? throw new ArgumentNullException(nameof(invocationId));
    }

    /// <summary>The function's definition.</summary>
    public FunctionDefinition Definition { get; }

    /// <summary>The decoded trigger.</summary>
    public TriggerInput Trigger { get; }

    /// <summary>The invocation id (from the Functions host, or generated locally); safe to log.</summary>
    public string InvocationId { get; }

    /// <summary>The HTTP response, for HTTP functions.</summary>
    public HttpResponseOutput? HttpResponse { get; set; }

    /// <summary>Queue messages to send, by output binding name.</summary>
    public IReadOnlyDictionary<string, List<string>> QueueMessages => _queueMessages;

    /// <summary>Queues a message on an output binding of this function.</summary>
    /// <exception cref="ArgumentException">The function has no queue output binding with that name.</exception>
    public void AddQueueMessage(string bindingName, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Definition.QueueOutputs.Any(binding => binding.Name.Equals(bindingName, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"function {Definition.Name} has no queue output binding {bindingName}", nameof(bindingName));
        }

        if (!_queueMessages.TryGetValue(bindingName, out var messages))
        {
            _queueMessages[bindingName] = messages = [];
        }

        messages.Add(message);
    }
}
