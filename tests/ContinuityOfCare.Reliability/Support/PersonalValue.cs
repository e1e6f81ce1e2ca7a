namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// One personal value (folded) and everyone it belongs to: the clients whose value it is, or — for a near miss's value
/// no client shares — the clients that near miss is near (a possible match of it may be held against them; the value
/// is allowed nowhere even so). A value no client holds and no near miss explains is a stranger's. <see cref="Label"/>
/// names its first holder for a leak's message.
/// </summary>
internal sealed class PersonalValue(string kind, string label)
{
    public string Kind { get; } = kind;

    public string Label { get; } = label;

    /// <summary>The clients whose value this is (two clients can share a date of birth or a postcode).</summary>
    public HashSet<string> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>For a near miss's value: the clients that defendant is near.</summary>
    public HashSet<string> NearClients { get; } = new(StringComparer.Ordinal);

    public bool Client => Clients.Count > 0;

    public bool NearMiss => !Client && NearClients.Count > 0;

    public bool Stranger => !Client && !NearMiss;

    /// <summary>"client", "NEAR MISS" or "STRANGER": the most protected holder first in a leak's message.</summary>
    public string Holder => Client ? "client" : NearMiss ? "NEAR MISS" : "STRANGER";
}
