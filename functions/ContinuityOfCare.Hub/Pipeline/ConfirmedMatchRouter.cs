using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Routes the held record of a possible match a person confirmed (docs/pipeline.md "Confirmed possible matches";
/// docs/domain.md "Matching" step 3: a possible match is never routed until a person confirms it).
/// <para>The held match's payload is the file's <see cref="RouteMessage"/>. The record at the match's source is read
/// back from the processed file and planned on its own against a register of just the confirmed client, with the
/// record's particulars replaced by the client's: the person has decided it is that client, so the planner sees an
/// exact match (the core plans it as it would have, had the register agreed). The effects are persisted exactly as the
/// route step persists them (<see cref="PlanEffects"/>, deterministic ids from the file's SHA-256 and the record's
/// position), so a repeated confirmation stores nothing new and the outbox sends nothing twice; each alert gets a send
/// message, as the route step's output binding would give it.</para>
/// </summary>
public sealed partial class ConfirmedMatchRouter(
    HubStorage storage,
    HeldRecordReader heldRecords,
    RegisterCache registerCache,
    DirectoryStore directories,
    CalendarProvider calendars,
    PlanEffects effects,
    PlanOptions planOptions,
    ILogger<ConfirmedMatchRouter> logger) : IPossibleMatchRouter
{
    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">
    /// The payload is not a route message, the processed file or the record is gone, the client is no longer in the
    /// register, no directory is live, or the record still does not match the client (nothing is stored then).
    /// </exception>
    public async Task RouteConfirmedAsync(HeldPossibleMatch match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        var (message, parsed) = await heldRecords.ReadFileAsync(match, cancellationToken).ConfigureAwait(false);
        var index = await registerCache.GetAsync(cancellationToken).ConfigureAwait(false);
        var client = index.FindClient(match.ClientId)
            ?? throw new InvalidOperationException($"Possible match {match.Id}: its client is no longer in the register; nothing was routed.");
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live
            ?? throw new InvalidOperationException("No SPOC directory has been imported yet: the confirmed match cannot be routed.");
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);

        var inputs = InputsFor(parsed, match.Source, client, message);
        if (inputs.CourtListings.Count + inputs.CourtResults.Count + inputs.Discharges.Count != 1)
        {
            throw new InvalidOperationException($"Possible match {match.Id}: its record is not in the processed file; nothing was routed.");
        }

        // The plan's "now" is the route step's (the match was held at the file's claim instant): the record is planned
        // exactly as the route step would have planned it had the register agreed, the duty runs from when the hub
        // received it, and a repeated confirmation plans exactly the same effects.
        var planNow = match.HeldAt;
        var plan = Planner.Plan(inputs, directory, MatchingIndex.Build([client]), calendar, planNow, planOptions);
        if (plan.Counts.Matched != 1)
        {
            throw new InvalidOperationException($"Possible match {match.Id}: the record could not be matched to its client; nothing was routed.");
        }

        var persisted = await effects.PersistAsync(plan, planNow, cancellationToken).ConfigureAwait(false);
        var send = storage.Queue(PipelineQueues.Send);
        await send.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var alertId in persisted.AlertIds)
        {
            // Sending an alert the outbox already sent does nothing (docs/email.md "Outbox, exactly once").
            await send.SendMessageAsync(alertId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        LogRouted(match.Id, plan.Events.Count, persisted.AlertIds.Count, persisted.ObligationsOpened, plan.Tasks.Count);
    }

    /// <summary>
    /// The one record at <paramref name="source"/>, its particulars replaced by <paramref name="client"/>'s register
    /// particulars (docs/domain.md "Matching" step 3: the person's confirmation decides the identity).
    /// </summary>
    private static PlanInputs InputsFor(ParsedFeed parsed, SourceRef source, Client client, RouteMessage message)
    {
        return new PlanInputs(
            parsed.CourtListings.Where(l => l.Source == source).Select(l => l with { Person = Confirmed(l.Person, client) }).ToList(),
            parsed.CourtResults.Where(r => r.Source == source).Select(r => r with { Person = Confirmed(r.Person, client) }).ToList(),
            parsed.Discharges.Where(d => d.Source == source).Select(d => d with { Person = Confirmed(d.Person, client) }).ToList(),
            [],
            new Dictionary<string, string>(StringComparer.Ordinal) { [message.FileName] = message.Sha256 });
    }

    private static PersonParticulars Confirmed(PersonParticulars recorded, Client client) => recorded with
    {
        Surname = client.Surname,
        Forenames = client.Forenames,
        DateOfBirth = client.DateOfBirth,
        Pnc = client.Pnc,
        Cro = client.Cro,
        Noms = client.Noms,
        NameUsableForMatching = true,
    };

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Routed confirmed possible match {MatchId}: {Events} events, {Alerts} alerts, {Obligations} obligations, {Tasks} tasks")]
    private partial void LogRouted(string matchId, int events, int alerts, int obligations, int tasks);
}
