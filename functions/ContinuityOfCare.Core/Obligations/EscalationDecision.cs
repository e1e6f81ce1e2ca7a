using NodaTime;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>What <see cref="EscalationLadder"/> decided for one obligation at one instant.</summary>
/// <param name="Level">The level to send now (1–3), or null for none.</param>
/// <param name="DueSince">When that level became due; null for none.</param>
/// <param name="Lateness">How late the obligation is now (zero when not past due).</param>
/// <param name="Reason">One line saying why (ids and times only; no personal data).</param>
public sealed record EscalationDecision(int? Level, Instant? DueSince, Duration Lateness, string Reason)
{
    /// <summary>True when a level should be sent now.</summary>
    public bool ShouldEscalate => Level is not null;

    /// <summary>A decision to send nothing.</summary>
    public static EscalationDecision None(Duration lateness, string reason) => new(null, null, lateness, reason);
}
