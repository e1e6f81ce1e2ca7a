using ContinuityOfCare.Mail.Bounces;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Testing;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// docs/email.md "Delivery status and bounces", against a real dovecot (IMAP) holding real RFC 3464 reports, a real
/// Azurite outbox and a real maildev for the original sends.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BounceProcessorTests(AzuriteFixture azurite, MaildevFixture maildev, DovecotFixture dovecot)
    : IClassFixture<MaildevFixture>, IClassFixture<DovecotFixture>
{
    [Fact]
    public async Task Bounces_ReportsAreMatchedMarkedFlaggedToldOnceAndMovedAndUnreadableOnesStayCounted()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, maildev.Server.SmtpPort);
        var bounced = SampleAlerts.Transfer(TestMail.UniqueId("bounce"));
        var delayed = SampleAlerts.Transfer(TestMail.UniqueId("delay"));
        foreach (var form in new[] { bounced, delayed })
        {
            await harness.Outbox.EnqueueAsync(form, CancellationToken.None);
            Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        }

        var delayedMessageId = (await harness.Outbox.GetAsync(delayed.Id, CancellationToken.None))!.MessageId!.Trim('<', '>');
        await AppendAsync(
            // Matched by ENVID (the alert id the hub sent).
            DeliveryReports.For(bounced.Id, null, bounced.To.Email, "failed", "5.1.1", "550 5.1.1 <smt.wakefield@hmps.gov.uk>: Recipient address rejected"),
            // No ENVID (a relay that drops it): matched by the returned Message-ID.
            DeliveryReports.For(null, delayedMessageId, delayed.To.Email, "delayed", "4.4.1", "connect to mx.hmps.gov.uk: Connection timed out"),
            // Not a report at all, and a report about no alert of ours: both stay.
            DeliveryReports.NotAReport(),
            DeliveryReports.For("not-an-alert-of-ours", null, "x@nhs.net", "failed", "5.1.1", null));
        var processor = new BounceProcessor(Options.Create(Options_()), harness.Outbox, harness.Clock, NullLogger<BounceProcessor>.Instance);

        var first = await processor.CheckAsync(CancellationToken.None);

        Assert.Equal(new BounceCheckResult(Read: 4, Bounced: 1, Delayed: 1, Moved: 2, Unreadable: 2), first);
        Assert.Equal(DeliveryState.Bounced, (await harness.Outbox.GetAsync(bounced.Id, CancellationToken.None))!.Delivery);
        Assert.Equal(DeliveryState.Delayed, (await harness.Outbox.GetAsync(delayed.Id, CancellationToken.None))!.Delivery);
        Assert.Equal(1, await harness.Flags.CountAsync(bounced.To.OrgCode, CancellationToken.None));
        var notices = await harness.NoticesAsync();
        Assert.Equal(
            [(OperatorNoticeKind.Bounced, bounced.Id), (OperatorNoticeKind.Delayed, delayed.Id)],
            notices.Where(n => n.Kind is OperatorNoticeKind.Bounced or OperatorNoticeKind.Delayed).Select(n => (n.Kind, n.AlertId)).Order());
        var unreadable = Assert.Single(notices, n => n.Kind == OperatorNoticeKind.UnreadableBounces);
        Assert.StartsWith("2 message(s)", unreadable.Detail, StringComparison.Ordinal);
        Assert.Contains("5.1.1", Assert.Single(notices, n => n.Kind == OperatorNoticeKind.Bounced).Detail, StringComparison.Ordinal);
        Assert.Equal((2, 2), await CountsAsync());

        // A later run reads only what was left, changes nothing and tells nobody again.
        var second = await processor.CheckAsync(CancellationToken.None);
        Assert.Equal(new BounceCheckResult(Read: 2, Bounced: 0, Delayed: 0, Moved: 0, Unreadable: 2), second);
        Assert.Equal(notices.Count, (await harness.NoticesAsync()).Count);
        Assert.Equal(1, await harness.Flags.CountAsync(bounced.To.OrgCode, CancellationToken.None));
    }

    [Fact]
    public async Task Bounces_NotConfigured_ReadsNothing()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, maildev.Server.SmtpPort);
        var processor = new BounceProcessor(Options.Create(new BounceOptions()), harness.Outbox, harness.Clock, NullLogger<BounceProcessor>.Instance);

        Assert.Same(BounceCheckResult.NotConfigured, await processor.CheckAsync(CancellationToken.None));
    }

    private BounceOptions Options_() => new()
    {
        Host = DovecotServer.Host,
        Port = dovecot.Server.Port,
        RequireTls = false,
        UserName = DovecotServer.UserName,
        Password = DovecotServer.Password,
    };

    private async Task AppendAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        foreach (var message in messages)
        {
            await client.Inbox.AppendAsync(new AppendRequest(message));
        }

        await client.DisconnectAsync(true);
    }

    private async Task<(int Inbox, int Processed)> CountsAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var inbox = client.Inbox.Count;
        var processed = await client.GetFolderAsync("Processed");
        await processed.OpenAsync(FolderAccess.ReadOnly);
        var result = (inbox, processed.Count);
        await client.DisconnectAsync(true);
        return result;
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        await client.ConnectAsync(DovecotServer.Host, dovecot.Server.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(DovecotServer.UserName, DovecotServer.Password);
        return client;
    }
}
