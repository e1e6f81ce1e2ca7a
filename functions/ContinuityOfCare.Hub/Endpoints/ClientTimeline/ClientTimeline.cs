using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Endpoints.ClientTimeline;

/// <summary>The body of <c>GET /api/clients/{id}/timeline</c>: everything the hub did for one client, by id and code.</summary>
/// <param name="ClientId">The client's register id.</param>
/// <param name="Events">Events, oldest first.</param>
/// <param name="Alerts">Alert Forms with their delivery status, in event order.</param>
/// <param name="Obligations">Obligations opened by those events, earliest due first.</param>
/// <param name="Tasks">Tasks about the client, oldest first.</param>
/// <param name="AlertsFoundWithDirectoryVersion">The directory version the alerts were looked up with (see docs/api.md), or null when none is live.</param>
public sealed record ClientTimeline(
    string ClientId,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<TimelineAlert> Alerts,
    IReadOnlyList<ObligationView> Obligations,
    IReadOnlyList<TimelineTask> Tasks,
    int? AlertsFoundWithDirectoryVersion);
