using System.Collections.Concurrent;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ClientTimeline;

/// <summary>
/// <c>GET /api/clients/{id}/timeline</c>: the client's events, the Alert Forms they caused with delivery status,
/// the obligations they opened (due, status, lateness) and the tasks about the client (docs/api.md). Ids and codes
/// only: no name, date of birth or identifier.
/// <para>How each part is found without scanning: events and tasks are partitioned by client; obligation ids are
/// deterministic (<see cref="DeterministicIds.Obligation"/> of rule + event, architecture.md "Reliability rules"),
/// so each event's possible obligations are point reads; alert ids are deterministic too (event + recipient), and the
/// recipients are found by routing each event again under the live directory (<see cref="AlertRouter"/> is pure).
/// An alert routed under an earlier directory version to a recipient that no longer resolves the same way is not
/// listed (the answer names the version used).</para>
/// </summary>
public sealed class ClientTimelineEndpoint(
    ClientRegisterStore clients,
    EventStore events,
    ObligationStore obligations,
    TaskStore tasks,
    DirectoryStore directories,
    IServiceProvider services,
    TimeProvider time,
    ILogger<ClientTimelineEndpoint> logger) : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "ClientTimeline";

    private const int Parallelism = 8;

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var clientId = ApiRequest.Route(request, "id");
        var outbox = services.GetService<AlertOutbox>()
            ?? throw new ApiProblemException(new ApiProblem(
                "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4", "The alert outbox is unavailable.", 503,
                "Email is not configured in this deployment (Mail:Smtp), so alert delivery status cannot be read."));
        var client = await clients.GetAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return ApiProblem.NotFound($"There is no client with id '{clientId}'.").ToResponse();
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var clientEvents = (await events.ListByClientAsync(clientId, cancellationToken).ConfigureAwait(false))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var clientTasks = await tasks.ListByClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        var clientObligations = await ObligationsAsync(clientEvents, now, cancellationToken).ConfigureAwait(false);
        var (alerts, version) = await AlertsAsync(client, clientEvents, outbox, now, cancellationToken).ConfigureAwait(false);

        return ApiJson.Response(new ClientTimeline(
            clientId,
            [.. clientEvents.Select(TimelineEvent.From)],
            alerts,
            clientObligations,
            [.. clientTasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(TimelineTask.From)],
            version));
    }

    private async Task<IReadOnlyList<ObligationView>> ObligationsAsync(IReadOnlyList<CareEvent> clientEvents, Instant now, CancellationToken cancellationToken)
    {
        var candidates = clientEvents.SelectMany(e => RuleIds.All.Select(rule => DeterministicIds.Obligation(rule, e.Id))).ToList();
        var found = new ConcurrentBag<StoredObligation>();
        await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await obligations.GetAsync(id, ct).ConfigureAwait(false) is { } stored)
            {
                found.Add(stored);
            }
        }).ConfigureAwait(false);
        return [.. found.OrderBy(o => o.Obligation.Due).ThenBy(o => o.Id, StringComparer.Ordinal).Select(o => ObligationView.From(o, now))];
    }

    private async Task<(IReadOnlyList<TimelineAlert> Alerts, int? Version)> AlertsAsync(
        Client client, IReadOnlyList<CareEvent> clientEvents, AlertOutbox outbox, Instant now, CancellationToken cancellationToken)
    {
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live;
        if (directory is null || clientEvents.Count == 0)
        {
            return ([], directory?.Version);
        }

        // Alert ids do not depend on the allow-list (a held alert keeps its id), so any policy gives the same ids.
        var router = new AlertRouter(new DirectoryRoutes(directory), new SecureMailPolicy([]), now);
        var noRequests = new Dictionary<string, AlertRequest>(StringComparer.Ordinal);
        var planned = clientEvents.SelectMany(e => router.Route(e, client, noRequests).Alerts).ToList();
        var found = new ConcurrentDictionary<string, TimelineAlert>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(planned, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (alert, ct) =>
        {
            if (await outbox.GetAsync(alert.Form.Id, ct).ConfigureAwait(false) is { } entry)
            {
                found[entry.AlertId] = new TimelineAlert(
                    entry.AlertId, alert.EventId, entry.Reference, alert.Form.To.OrgCode, entry.Status, entry.AttemptCount, entry.AttemptStartedAt, entry.SmtpCode,
                    entry.SmtpReply, entry.SmtpQueueId, entry.Repeats, entry.Delivery);
            }
        }).ConfigureAwait(false);
        var order = clientEvents.Select((e, index) => (e.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        return ([.. found.Values.OrderBy(a => order[a.EventId]).ThenBy(a => a.RecipientOrgCode, StringComparer.Ordinal)], directory.Version);
    }
}
