using NodaTime;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// A notice for the hub's operator (architecture.md "Reliability rules": a missing daily feed is itself an alert).
/// The <see cref="Id"/> is deterministic (kind + subject + day), so the shell can store it insert-if-absent and a
/// notice is raised at most once however often the timer fires. Carries no personal data: prison codes and dates only.
/// </summary>
/// <param name="Id">Deterministic id, safe as a table row key (letters, digits, hyphens).</param>
/// <param name="Kind">What the notice is about.</param>
/// <param name="Day">The local day the notice concerns (for a discharge export: the day the export should cover).</param>
/// <param name="Subject">A one-line subject for an email or a dashboard.</param>
/// <param name="Message">What is wrong, why it matters (with its guidance citation) and what to do.</param>
/// <param name="PrisonCode">The prison's NOMIS code for a discharge-export notice; null otherwise.</param>
public sealed record FeedNotice(string Id, FeedNoticeKind Kind, LocalDate Day, string Subject, string Message, string? PrisonCode = null);
