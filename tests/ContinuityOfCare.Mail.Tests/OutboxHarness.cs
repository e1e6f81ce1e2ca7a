using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Azure.Data.Tables;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>A real outbox on fresh Azurite tables, sending through the real resilient sender to a local SMTP server.</summary>
internal sealed class OutboxHarness : IDisposable
{
    private readonly MailSenderUnderTest _realSender;

    private OutboxHarness(MailSenderUnderTest realSender, TableClient alerts, AlertOutbox outbox, OperatorNoticeBoard notices, DirectoryEntryFlags flags, SentAlertIndex sent, FakeClock clock)
    {
        Alerts = alerts;
        Sent = sent;
        _realSender = realSender;
        Outbox = outbox;
        Notices = notices;
        Flags = flags;
        Clock = clock;
    }

    public AlertOutbox Outbox { get; }

    /// <summary>The outbox's table, to read a row as stored.</summary>
    public TableClient Alerts { get; }

    public OperatorNoticeBoard Notices { get; }

    public DirectoryEntryFlags Flags { get; }

    public FakeClock Clock { get; }

    /// <summary>The day index of sent alerts (this harness's own table).</summary>
    public SentAlertIndex Sent { get; }

    /// <summary>How many alerts the day index counts for the harness clock's London day.</summary>
    public Task<int> SentTodayAsync() =>
        Sent.CountAsync(ContinuityOfCare.Core.Time.LondonTime.ToLocal(Clock.GetCurrentInstant()).Date, CancellationToken.None);

    /// <summary>The delivery notices raised so far (the harness's clock stays within a few days of its start).</summary>
    public Task<IReadOnlyList<OperatorNotice>> NoticesAsync()
    {
        var today = Clock.GetCurrentInstant().InUtc().Date;
        return Notices.ListAsync(today.PlusDays(-7), today.PlusDays(7), CancellationToken.None);
    }

    public static readonly TimeSpan InFlightTimeout = TimeSpan.FromMinutes(1);

    public static async Task<OutboxHarness> CreateAsync(
        AzuriteFixture azurite,
        int smtpPort,
        Action<MailResilienceOptions>? adjust = null,
        Func<IMailSender, IMailSender>? decorate = null,
        string? operatorAddress = null,
        TimeProvider? senderTime = null,
        int maxAutomaticRepeats = 3,
        IAcknowledgementLinkIssuer? links = null)
    {
        var smtp = TestMail.Smtp(smtpPort);
        var resilience = TestMail.FastResilience(adjust);
        var outboxOptions = new OutboxOptions
        {
            AlertsTable = azurite.UniqueName("outbox"),
            DirectoryFlagsTable = azurite.UniqueName("flags"),
            SentByDayTable = azurite.UniqueName("sentbyday"),
            InFlightTimeout = InFlightTimeout,
            OperatorAddress = operatorAddress,
            MaxAutomaticRepeats = maxAutomaticRepeats,
        };
        var alerts = await CreateTableAsync(azurite, outboxOptions.AlertsTable);
        var noticeTable = await CreateTableAsync(azurite, azurite.UniqueName("notices"));
        var flagTable = await CreateTableAsync(azurite, outboxOptions.DirectoryFlagsTable);
        var realSender = TestMail.Sender(smtp, resilience, timeProvider: senderTime);
        var sender = decorate is null ? realSender : decorate(realSender);
        var notices = new OperatorNoticeBoard(new OperatorNoticeStore(noticeTable), alerts, smtp, outboxOptions, NullLogger.Instance);
        var flags = new DirectoryEntryFlags(flagTable);
        var sent = new SentAlertIndex(await CreateTableAsync(azurite, outboxOptions.SentByDayTable));
        var clock = new FakeClock(SampleAlerts.SentAt);
        var outbox = new AlertOutbox(
            alerts, TestMail.EmailFactory(smtp, links), sender, SecureMailPolicy.Default, notices, flags, sent, outboxOptions, smtp, resilience,
            clock, NullLogger<AlertOutbox>.Instance);
        return new OutboxHarness(realSender, alerts, outbox, notices, flags, sent, clock);
    }

    public void Dispose() => _realSender.Dispose();

    private static async Task<TableClient> CreateTableAsync(AzuriteFixture azurite, string name)
    {
        var table = new TableClient(azurite.ConnectionString, name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
