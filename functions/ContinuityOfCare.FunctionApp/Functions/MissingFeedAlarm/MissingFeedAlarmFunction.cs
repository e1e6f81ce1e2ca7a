using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline;

namespace ContinuityOfCare.FunctionApp.Functions.MissingFeedAlarm;

/// <summary>
/// <c>MissingFeedAlarm</c> (timer, at 5 and 35 minutes past each hour, Europe/London): no court list by the cut-off on a
/// working day, no discharge export from a directory prison for the previous day, or a bank-holiday calendar running
/// out within 90 days → an operator notice, once per feed per day (<see cref="FeedWatch"/>).
/// </summary>
public sealed class MissingFeedAlarmFunction(FeedWatch watch) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "MissingFeedAlarm";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await watch.CheckAsync(cancellationToken).ConfigureAwait(false);
    }
}
