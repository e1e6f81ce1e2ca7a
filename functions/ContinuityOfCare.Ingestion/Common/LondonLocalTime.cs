using NodaTime;
using NodaTime.TimeZones;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Reading Europe/London wall-clock times from the inputs (formats.md: CSV times are Europe/London; Crown lists give
/// <c>SittingAt</c> local). NodaTime style, ambiguity made explicit: a local time skipped by the March change
/// (01:00–01:59 does not exist) resolves to the later side, shifted forward by the gap (01:30 → 02:30 BST); a local
/// time repeated by the October change resolves to the earlier instant (01:30 BST, +01:00).
/// </summary>
public static class LondonLocalTime
{
    /// <summary>Europe/London from the TZDB bundled with NodaTime.</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Skipped → shifted forward by the gap; ambiguous → the earlier instant.</summary>
    public static ZoneLocalMappingResolver Resolver { get; } = Resolvers.LenientResolver;

    /// <summary>The instant of a Europe/London local date and time.</summary>
    public static Instant ToInstant(LocalDateTime local) => Zone.ResolveLocal(local, Resolver).ToInstant();

    /// <summary>The Europe/London local date and time of an instant.</summary>
    public static LocalDateTime ToLocal(Instant instant) => instant.InZone(Zone).LocalDateTime;
}
