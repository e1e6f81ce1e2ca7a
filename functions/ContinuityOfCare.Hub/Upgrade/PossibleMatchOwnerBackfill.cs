using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Upgrade;

/// <summary>
/// Sets the owning team of possible matches held by a version that did not record it, so a team member's Possible
/// matches list (one query by owning team) shows them (docs/state.md "Backfills at start-up"). The team is the one the
/// planner gives a POSSIBLE_MATCH task and a new match: the candidate client's owning team by the live directory
/// (<see cref="DirectoryRoutes.OwningTeam"/>). Only held matches lacking a team are touched (a merge of that column);
/// a marker row makes it run once per storage account.
/// </summary>
public sealed partial class PossibleMatchOwnerBackfill(
    PossibleMatchStore matches,
    ClientRegisterStore register,
    DirectoryStore directories,
    ILogger<PossibleMatchOwnerBackfill> logger)
{
    /// <summary>Runs the backfill unless its marker is present.</summary>
    /// <returns>What it did, or null when it had run before.</returns>
    /// <exception cref="Azure.RequestFailedException">Storage failed (nothing is marked; the next attempt starts again).</exception>
    public async Task<BackfillSummary?> RunAsync(CancellationToken cancellationToken)
    {
        if (await matches.IsOwningTeamBackfilledAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var lacking = await matches.ListHeldWithoutOwningTeamAsync(cancellationToken).ConfigureAwait(false);
        DirectoryRoutes? routes = null;
        if (lacking.Count > 0)
        {
            if ((await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live is not { } directory)
            {
                // No directory, no owning team: left unmarked so the next start tries again (the operator still sees them).
                LogNoDirectory(lacking.Count);
                return new BackfillSummary(0, lacking.Count);
            }

            routes = new DirectoryRoutes(directory);
        }

        int written = 0, skipped = 0;
        if (routes is not null)
        {
            foreach (var match in lacking)
            {
                if (await OwningTeamAsync(routes, match, cancellationToken).ConfigureAwait(false) is { } team
                    && await matches.SetOwningTeamAsync(match.Id, team, cancellationToken).ConfigureAwait(false))
                {
                    written++;
                }
                else
                {
                    skipped++;
                }
            }
        }

        await matches.MarkOwningTeamBackfilledAsync(cancellationToken).ConfigureAwait(false);
        if (skipped > 0)
        {
            LogSkipped(skipped);
        }

        LogDone(written, skipped);
        return new BackfillSummary(written, skipped);
    }

    /// <summary>The candidate client's owning team, or null when the client is not in the register or its row cannot be read.</summary>
    private async Task<string?> OwningTeamAsync(DirectoryRoutes routes, HeldPossibleMatch match, CancellationToken cancellationToken)
    {
        try
        {
            return match.ClientId.Length > 0 && await register.GetAsync(match.ClientId, cancellationToken).ConfigureAwait(false) is { } client
                ? routes.OwningTeam(client)
                : null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            // A register row this version cannot read: counted and left, so start-up goes on.
            return null;
        }
    }

    [LoggerMessage(EventId = 7111, Level = LogLevel.Information, Message = "Possible matches held before the owning-team column: {Written} given their owning team, {Skipped} skipped")]
    private partial void LogDone(int written, int skipped);

    [LoggerMessage(EventId = 7112, Level = LogLevel.Warning, Message = "Owning-team backfill: {Skipped} held possible matches have no client in the register (or were removed) and keep no owning team; only the operator sees them")]
    private partial void LogSkipped(int skipped);

    [LoggerMessage(EventId = 7113, Level = LogLevel.Warning, Message = "Owning-team backfill deferred: {Count} held possible matches lack an owning team and no directory is in force; it runs again at the next start")]
    private partial void LogNoDirectory(int count);
}
