using ContinuityOfCare.FunctionApp.Directory;
using ContinuityOfCare.FunctionApp.Invocation;

namespace ContinuityOfCare.FunctionApp.Functions.DirectoryRefresh;

/// <summary>
/// <c>DirectoryRefresh</c> (timer, <c>0 0 6 1 * *</c>: 06:00 Europe/London on the 1st of each month): re-imports the
/// newest file of the <c>directory</c> inbox if it has not been imported yet (<see cref="DirectoryRefresher"/>).
/// </summary>
public sealed class DirectoryRefreshFunction(DirectoryRefresher refresher) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "DirectoryRefresh";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = await refresher.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }
}
