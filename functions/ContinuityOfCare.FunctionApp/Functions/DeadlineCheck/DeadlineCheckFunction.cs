using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline;
using ContinuityOfCare.FunctionApp.Pipeline.Messages;

namespace ContinuityOfCare.FunctionApp.Functions.DeadlineCheck;

/// <summary>
/// <c>DeadlineCheck</c> (queue <c>deadline</c>, scheduled with a visibility delay ≤ 7 days): escalates the obligation
/// if a level is due, else re-schedules itself for the next instant one could be (<see cref="Escalator"/>).
/// </summary>
public sealed class DeadlineCheckFunction(Escalator escalator) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "DeadlineCheck";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = PipelineJson.Deserialize<DeadlineMessage>(QueueText.Of(context));
        await escalator.CheckAsync(message.ObligationId, cancellationToken).ConfigureAwait(false);
    }
}
