using ContinuityOfCare.Core.Obligations;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>The filters of <c>GET /api/obligations?owner=&amp;status=&amp;dueBefore=</c> (docs/api.md).</summary>
/// <param name="Owner">The owning organisation's code, or null for any.</param>
/// <param name="States">The states wanted, or null/empty for any.</param>
/// <param name="DueBefore">Only obligations due strictly before this instant, or null for any.</param>
public sealed record ObligationQuery(string? Owner = null, IReadOnlySet<ObligationState>? States = null, Instant? DueBefore = null);
