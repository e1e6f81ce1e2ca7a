namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// Whose personal values one place may hold (docs/reliability.md part 5 "Where a value may be"): nobody's (every log
/// line, queue message, key, blob, subject and every other table), one client's (that client's register row, its
/// stored forms and the Alert Forms about it), or a possible match held against one client (that client's values and
/// those of the near misses that can be held against it — the held record an operator must see to decide).
/// </summary>
internal sealed record PrivacyAllowance(string? ClientId, bool HeldMatch)
{
    public static PrivacyAllowance Nobody { get; } = new(null, false);

    public static PrivacyAllowance OfClient(string? clientId) => clientId is null ? Nobody : new(clientId, false);

    public static PrivacyAllowance OfPossibleMatch(string? clientId) => clientId is null ? Nobody : new(clientId, true);

    public bool Permits(PersonalValue value) =>
        ClientId is not null && (value.Clients.Contains(ClientId) || (HeldMatch && value.HeldAgainst.Contains(ClientId)));
}
