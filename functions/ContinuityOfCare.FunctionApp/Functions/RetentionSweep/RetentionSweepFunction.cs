using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Retention;

namespace ContinuityOfCare.FunctionApp.Functions.RetentionSweep;

/// <summary>
/// <c>RetentionSweep</c> (timer, <c>0 30 2 * * *</c>: 02:30 Europe/London daily): deletes raw input files older than the
/// retention period (<see cref="RetentionSweeper"/>; domain.md "Consent and data minimisation").
/// </summary>
public sealed class RetentionSweepFunction(RetentionSweeper sweeper) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "RetentionSweep";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
    }
}
