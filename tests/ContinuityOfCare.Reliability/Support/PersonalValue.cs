namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// One personal value (folded) and everyone it belongs to: the clients whose value it is, and the clients a near
/// miss holding it may be held against as a possible match. A value no client holds and no near miss explains is a
/// stranger's. <see cref="Label"/> names its first holder for a leak's message.
/// </summary>
internal sealed class PersonalValue(string kind, string label)
{
    public string Kind { get; } = kind;

    public string Label { get; } = label;

    /// <summary>The clients whose value this is (two clients can share a date of birth or a postcode).</summary>
    public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>For a near miss's value: the clients a possible match of that defendant may be held against.</summary>
    public HashSet<string> HeldAgainst { get; } = new(StringComparer.Ordinal);

    public bool Client => Clients.Count > 0;

    public bool NearMiss => !Client && HeldAgainst.Count > 0;

    public bool Stranger => !Client && !NearMiss;

    /// <summary>"client", "NEAR MISS" or "STRANGER": the most protected holder first in a leak's message.</summary>
    public string Holder => Client ? "client" : NearMiss ? "NEAR MISS" : "STRANGER";
}
