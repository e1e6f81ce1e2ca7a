using ContinuityOfCare.Mail.Outbox;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Mail.Bounces;

/// <summary>
/// Reads the bounce mailbox over IMAP (MailKit's <see cref="ImapClient"/>) and closes the loop on delivery, as GOV.UK
/// Notify reports "delivered / permanent failure / temporary failure" to its users (docs/email.md "Delivery status and
/// bounces"): each delivery status notification is matched to its alert by ENVID, else by the returned Message-ID; a
/// permanent failure marks the alert Bounced, flags the directory entry and tells the operator once; a delay marks it
/// Delayed and tells the operator once; the report then moves to the processed folder. A message that is not a
/// readable report, or matches no alert, stays in the mailbox and is counted in one operator notice per day.
/// </summary>
public sealed partial class BounceProcessor
{
    private readonly BounceOptions _options;
    private readonly AlertOutbox _outbox;
    private readonly IClock _clock;
    private readonly ILogger<BounceProcessor> _logger;

    /// <summary>Creates the processor.</summary>
    public BounceProcessor(IOptions<BounceOptions> options, AlertOutbox outbox, IClock clock, ILogger<BounceProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _outbox = outbox;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>One pass over the mailbox (the <c>BounceCheck</c> timer, every 10 minutes).</summary>
    public async Task<BounceCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            return BounceCheckResult.NotConfigured;
        }

        using var client = new ImapClient { Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds) };
        var security = !_options.RequireTls ? SecureSocketOptions.None
            : _options.Port == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(_options.UserName ?? "", _options.Password ?? "", cancellationToken).ConfigureAwait(false);
        var inbox = await client.GetFolderAsync(_options.Inbox, cancellationToken).ConfigureAwait(false);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        var processed = await ProcessedFolderAsync(client, cancellationToken).ConfigureAwait(false);

        var uids = await inbox.SearchAsync(SearchQuery.All, cancellationToken).ConfigureAwait(false);
        int read = 0, bounced = 0, delayed = 0, moved = 0, unreadable = 0;
        foreach (var uid in uids.Take(_options.MaxPerRun))
        {
            read++;
            using var message = await inbox.GetMessageAsync(uid, cancellationToken).ConfigureAwait(false);
            var report = DeliveryReportParser.TryParse(message);
            var alertId = report is null ? null : await _outbox.FindAlertIdAsync(report.EnvelopeId, report.OriginalMessageId, cancellationToken).ConfigureAwait(false);
            if (report is null || alertId is null)
            {
                unreadable++;
                continue;
            }

            foreach (var recipient in report.Recipients)
            {
                var state = recipient.Action switch
                {
                    "failed" => DeliveryState.Bounced,
                    "delayed" => DeliveryState.Delayed,
                    _ => (DeliveryState?)null,
                };
                if (state is null)
                {
                    continue;
                }

                var detail = recipient.Diagnostic is null ? recipient.Status : $"{recipient.Status} {recipient.Diagnostic}";
                if (await _outbox.RecordDeliveryReportAsync(alertId, state.Value, detail, cancellationToken).ConfigureAwait(false))
                {
                    _ = state == DeliveryState.Bounced ? bounced++ : delayed++;
                }
            }

            await inbox.MoveToAsync(uid, processed, cancellationToken).ConfigureAwait(false);
            moved++;
        }

        if (unreadable > 0)
        {
            await _outbox.RaiseMailboxNoticeAsync(
                _clock.GetCurrentInstant(),
                $"{unreadable} message(s) in the bounce mailbox are not readable delivery status notifications or match no alert; they were left in {_options.Inbox}.",
                cancellationToken).ConfigureAwait(false);
        }

        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
        LogChecked(_logger, read, bounced, delayed, unreadable);
        return new BounceCheckResult(read, bounced, delayed, moved, unreadable);
    }

    private async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(_options.ProcessedFolder, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(_options.ProcessedFolder, true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The IMAP server did not create the processed folder.");
        }
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Bounce mailbox: {Read} read, {Bounced} bounced, {Delayed} delayed, {Unreadable} left unread")]
    private static partial void LogChecked(ILogger logger, int read, int bounced, int delayed, int unreadable);
}
