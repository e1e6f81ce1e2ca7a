namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// Whose personal values one place may hold (docs/reliability.md part 5 "Where a value may be"): nobody's (every log
/// line, queue message, key, blob, subject, and every table but the register and the outbox — the identifier index and
/// the held possible matches included), or one client's (that client's register row, the outbox rows of the forms
/// about it, and the Alert Forms about it).
/// </summary>
internal sealed record PrivacyAllowance(string? ClientId)
{
    public static PrivacyAllowance Nobody { get; } = new((string?)null);

    public static PrivacyAllowance OfClient(string? clientId) => clientId is null ? Nobody : new(clientId);

    public bool Permits(PersonalValue value) => ClientId is not null && value.Clients.Contains(ClientId);
}
