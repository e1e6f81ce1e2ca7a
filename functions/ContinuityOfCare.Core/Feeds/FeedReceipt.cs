using NodaTime;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// A feed the hub has received, as the missing-feed check sees it.
/// <list type="bullet">
/// <item><see cref="FeedKind.CourtList"/>: <see cref="Day"/> is the Europe/London date it was received.</item>
/// <item><see cref="FeedKind.DischargeExport"/>: <see cref="Day"/> is the day the export covers (its movements' day;
/// when the file does not say, the day before it was received), and <see cref="PrisonCode"/> the discharging prison.
/// An export with no movements still counts: it proves the feed ran.</item>
/// </list>
/// </summary>
/// <param name="Kind">The feed.</param>
/// <param name="Day">The local day it counts for.</param>
/// <param name="PrisonCode">The prison's NOMIS code for a discharge export (case-insensitive); null for a court list.</param>
/// <param name="CourtCode">A court list's court, when its file name says (the <c>CODE__</c> prefix); shown, never needed by the rule.</param>
public sealed record FeedReceipt(FeedKind Kind, LocalDate Day, string? PrisonCode = null, string? CourtCode = null);
