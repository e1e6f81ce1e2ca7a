using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;

namespace ContinuityOfCare.Core.Planning;

/// <summary>Where one client is in the journey while a plan replays their records, and what this plan opened for them.</summary>
internal sealed class ClientJourneyState(Client client)
{
    public Client Client { get; } = client;

    /// <summary>The prison holding the client, or null when not in custody.</summary>
    public string? Custody { get; set; }

    /// <summary>The unresolved <see cref="EventKind.SentToCourt"/> event, when the client is at court from prison.</summary>
    public CareEvent? Trip { get; set; }

    /// <summary>Obligations this plan opened for the client that no later event has closed yet.</summary>
    public List<OpenObligation> Open { get; } = [];
}
