using ContinuityOfCare.Hub.Api;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.Health;

/// <summary>The body of <c>GET /api/health</c> (docs/api.md). No personal data: counts, ages, versions and states only.</summary>
/// <param name="Status"><c>healthy</c> (HTTP 200) or <c>unhealthy</c> (HTTP 503): unhealthy when <see cref="Problems"/> is not empty.</param>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="StorageReachable">The storage account answered.</param>
/// <param name="Smtp">The SMTP relay probe's result.</param>
/// <param name="Queues">Each queue of the function app with its poison queue.</param>
/// <param name="PoisonTotal">Messages in all poison queues together.</param>
/// <param name="Calendar">The working calendar's coverage, or null when it could not be loaded.</param>
/// <param name="DirectoryVersion">The live SPOC directory version, or null when none has been imported.</param>
/// <param name="AlertAttention">Alert Forms unconfirmed, repeated, held, failed or bounced lately, or null when storage did not answer.</param>
/// <param name="Problems">Why the hub cannot do its job now (each makes the answer 503).</param>
/// <param name="Warnings">What needs an operator soon but does not stop the hub (poison messages, calendar running out, Alert Forms needing attention).</param>
public sealed record HealthReport(
    string Status,
    Instant CheckedAt,
    bool StorageReachable,
    SmtpReachability Smtp,
    IReadOnlyList<QueueStatus> Queues,
    long PoisonTotal,
    CalendarCoverage? Calendar,
    int? DirectoryVersion,
    AlertAttention? AlertAttention,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings);
