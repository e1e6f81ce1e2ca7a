using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.Endpoints.Health;

/// <summary>
/// <c>GET /api/health</c>: can the hub do its job now? Storage reachable, SMTP relay reachable, queue depths and the age
/// of each front message, poison counts, calendar coverage and the live directory version (docs/api.md). 200 when
/// healthy, 503 otherwise, the same JSON either way. Read-only.
/// </summary>
public sealed partial class HealthEndpoint(
    QueueProbe queues,
    SmtpProbe smtp,
    ICalendarSource calendars,
    HubStorage storage,
    IOptions<DirectoryImportOptions> directoryOptions,
    IEnumerable<IHostHealth> hosts,
    IOptions<PipelineOptions> pipelineOptions,
    OperatorNoticeStore notices,
    TimeProvider time,
    ILogger<HealthEndpoint> logger) : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "Health";

    /// <summary>From this many days before the calendar runs out, the health check warns (as the operator notice does, 90 days).</summary>
    public const int CalendarWarningDays = 90;

    /// <summary>How many days of delivery notices the attention counts cover (as <c>coc status</c>'s notice list).</summary>
    public const int AttentionDays = 7;

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var problems = new List<string>();
        var warnings = new List<string>();

        var directoryVersion = await LiveDirectoryVersionAsync(problems, cancellationToken).ConfigureAwait(false);
        var storageReachable = problems.Count == 0;
        if (storageReachable && directoryVersion is null)
        {
            problems.Add("No SPOC directory has been imported: alerts cannot be routed.");
        }

        var queueStatuses = new List<QueueStatus>();
        if (storageReachable)
        {
            foreach (var queue in HubQueue.All)
            {
                try
                {
                    queueStatuses.Add(await queues.ProbeAsync(queue, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception exception) when (StorageFailure.Find(exception) is { } failure)
                {
                    LogProbeFailed(logger, "queue", failure.Status, failure.ErrorCode);
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"The queue {queue.Name} could not be read (storage status {failure.Status})."));
                    storageReachable = false;
                    break;
                }
            }
        }

        var maxAge = pipelineOptions.Value.MaxQueueAge;
        foreach (var queue in queueStatuses.Where(q => q.OldestMessageAgeSeconds > maxAge.TotalSeconds))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"The front message of {queue.Name} has waited {queue.OldestMessageAgeSeconds:0} s (more than {maxAge.TotalSeconds:0} s): messages are not being processed."));
        }

        foreach (var (listener, since) in hosts.SelectMany(host => host.FailingListeners).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"The {listener} listener cannot reach storage (since {since:HH:mm:ss} UTC); it keeps retrying."));
        }

        var poisonTotal = queueStatuses.Sum(queue => queue.PoisonDepth);
        foreach (var queue in queueStatuses.Where(queue => queue.PoisonDepth > 0))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{queue.PoisonDepth} message(s) in {queue.Name}{HubQueue.PoisonSuffix}: inspect, then replay with 'coc replay-poison {queue.Name}'."));
        }

        var calendar = await CalendarCoverageAsync(now, problems, warnings, cancellationToken).ConfigureAwait(false);
        var attention = storageReachable ? await AlertAttentionAsync(now, warnings, cancellationToken).ConfigureAwait(false) : null;

        var smtpState = await smtp.ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (smtpState != SmtpReachability.Reachable)
        {
            problems.Add(smtpState == SmtpReachability.NotConfigured
                ? "No SMTP relay is configured (Mail:Smtp:Host): alerts cannot be sent."
                : "The SMTP relay did not answer with a 220 greeting: alerts are waiting in the outbox.");
        }

        var report = new HealthReport(
            problems.Count == 0 ? "healthy" : "unhealthy",
            now,
            storageReachable,
            smtpState,
            queueStatuses,
            poisonTotal,
            calendar,
            directoryVersion,
            attention,
            problems,
            warnings);
        return ApiJson.Response(report, problems.Count == 0 ? 200 : 503);
    }

    /// <summary>
    /// The live version from the directory's pointer row (<c>DirectoryStore</c> moves it last when a version goes live: partition
    /// <c>live</c>, row <c>pointer</c>, property <c>Version</c>); reading the pointer alone keeps the check cheap.
    /// </summary>
    private async Task<int?> LiveDirectoryVersionAsync(List<string> problems, CancellationToken cancellationToken)
    {
        try
        {
            var table = storage.Table(directoryOptions.Value.Table);
            var pointer = (await table.GetEntityIfExistsAsync<TableEntity>("live", "pointer", cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
            return pointer?.GetInt32("Version");
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The directory table does not exist yet: reachable, nothing imported.
            return null;
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is { } failure)
        {
            LogProbeFailed(logger, "table", failure.Status, failure.ErrorCode);
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Storage did not answer (status {failure.Status})."));
            return null;
        }
        catch (InvalidOperationException)
        {
            // HubStorage: the connection setting is missing (the message names the setting only).
            problems.Add($"The storage connection setting {HubStorage.DefaultConnectionSetting} is not configured.");
            return null;
        }
    }

    /// <summary>
    /// Counts the delivery notices of the last <see cref="AttentionDays"/> days by kind and warns for each kind present:
    /// an Unconfirmed or repeated Alert Form is a person's to check (docs/email.md "The residual window"), so health
    /// says so instead of leaving it in a table. A warning, not a problem: the hub still does its job.
    /// </summary>
    private async Task<AlertAttention?> AlertAttentionAsync(Instant now, List<string> warnings, CancellationToken cancellationToken)
    {
        var today = LondonTime.ToLocal(now).Date;
        IReadOnlyList<NoticeRecord> recent;
        try
        {
            recent = await notices.ListAsync(today.PlusDays(1 - AttentionDays), today, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            recent = [];
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is { } failure)
        {
            LogProbeFailed(logger, "notices", failure.Status, failure.ErrorCode);
            return null;
        }

        int Count(OperatorNoticeKind kind) => recent.Count(notice => notice.Kind == kind.ToString());
        var attention = new AlertAttention(
            Count(OperatorNoticeKind.UnconfirmedSend), Count(OperatorNoticeKind.RepeatedSend), Count(OperatorNoticeKind.RecipientNotAllowed),
            Count(OperatorNoticeKind.PermanentFailure), Count(OperatorNoticeKind.Bounced));
        void Warn(int count, string what)
        {
            if (count > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{count} Alert Form(s) {what} in the last {AttentionDays} days: 'coc status' lists them."));
            }
        }

        Warn(attention.Unconfirmed, "unconfirmed (no reply from the relay; check with the recipient, then 'coc alert release ID')");
        Warn(attention.Repeated, "re-sent automatically with the \"may repeat\" line");
        Warn(attention.Held, "held (recipient outside the secure-mail allow-list)");
        Warn(attention.Failed, "refused permanently by the relay");
        Warn(attention.Bounced, "bounced");
        // Escalation emails raise their own kinds (never counted as Alert Forms above).
        var escalations = Count(OperatorNoticeKind.EscalationUnconfirmed) + Count(OperatorNoticeKind.EscalationBounced) + Count(OperatorNoticeKind.EscalationUndelivered);
        if (escalations > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{escalations} escalation email(s) unconfirmed, bounced or undelivered in the last {AttentionDays} days: contact the recipients by hand; 'coc status' lists them."));
        }

        return attention;
    }

    private async Task<CalendarCoverage?> CalendarCoverageAsync(Instant now, List<string> problems, List<string> warnings, CancellationToken cancellationToken)
    {
        WorkingCalendar calendar;
        try
        {
            calendar = await calendars.GetCalendarAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BankHolidayFileException or IOException or UnauthorizedAccessException || StorageFailure.Find(exception) is not null)
        {
            problems.Add("The bank-holiday calendar could not be loaded: deadlines cannot be computed.");
            return null;
        }

        var today = LondonTime.ToLocal(now).Date;
        var daysLeft = Period.Between(today, calendar.LastCoveredDay, PeriodUnits.Days).Days;
        var lastDay = LondonTime.FormatDay(calendar.LastCoveredDay);
        if (daysLeft < 0)
        {
            problems.Add($"The bank-holiday calendar ran out on {lastDay}: deadlines after it cannot be computed. Load a newer GOV.UK bank-holidays file.");
        }
        else if (daysLeft <= CalendarWarningDays)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The bank-holiday calendar runs out in {daysLeft} day(s) ({lastDay}). Load a newer GOV.UK bank-holidays file."));
        }

        return new CalendarCoverage(calendar.LastCoveredYear, LocalDatePattern.Iso.Format(calendar.LastCoveredDay), daysLeft);
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Health: {Probe} probe failed with storage status {Status} {ErrorCode}")]
    private static partial void LogProbeFailed(ILogger logger, string probe, int status, string? errorCode);
}
