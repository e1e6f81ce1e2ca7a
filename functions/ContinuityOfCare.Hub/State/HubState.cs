namespace ContinuityOfCare.Hub.State;

/// <summary>The hub's state stores in one place (architecture.md "State"), for functions that need several.</summary>
/// <param name="Tables">The table clients (and <see cref="StateTables.EnsureCreatedAsync"/>).</param>
/// <param name="Clients">The client register and identifier index.</param>
/// <param name="IngestedFiles">Ingestion idempotency by SHA-256.</param>
/// <param name="Events">Matched events.</param>
/// <param name="Obligations">Obligations, the due index and escalation guards.</param>
/// <param name="Tasks">Tasks for people.</param>
/// <param name="PossibleMatches">Held possible matches.</param>
/// <param name="Audit">The audit trail.</param>
/// <param name="Notices">Operator notices, once per key per day.</param>
public sealed record HubState(
    StateTables Tables,
    ClientRegisterStore Clients,
    IngestedFileStore IngestedFiles,
    EventStore Events,
    ObligationStore Obligations,
    TaskStore Tasks,
    PossibleMatchStore PossibleMatches,
    AuditStore Audit,
    NoticeStore Notices)
{
    /// <summary>Creates every state table that does not exist yet.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Tables.EnsureCreatedAsync(cancellationToken);
}
