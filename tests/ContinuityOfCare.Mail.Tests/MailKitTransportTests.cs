using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// docs/email.md "Transport": long-lived pooled connections, the server's real reply, DSN parameters, reconnects and
/// the attempts whose reply is unknown — against the scripted loopback SMTP server.
/// </summary>
public sealed class MailKitTransportTests
{
    private static OutgoingEmail Email(SmtpOptions smtp, string? alertId = null) =>
        TestMail.EmailFactory(smtp).Create(SampleAlerts.Transfer(alertId ?? TestMail.UniqueId("t")), SampleAlerts.SentAt);

    [Fact]
    public async Task Transport_RecordsTheServersRealReplyAndQueueId()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 Ok: queued as 4Xk2PqR7");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        var outcome = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("250 2.0.0 Ok: queued as 4Xk2PqR7", outcome.Detail);
        Assert.Equal("4Xk2PqR7", outcome.QueueId);
    }

    [Fact]
    public async Task Transport_KeepsOneConnectionOpenForManyMessages()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => $"250 2.0.0 queued as Q{attempt}X");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        var outcomes = new List<SmtpDeliveryOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await sender.SendAsync(Email(smtp), CancellationToken.None));
        }

        Assert.Equal(["Q1X", "Q2X", "Q3X", "Q4X", "Q5X"], outcomes.Select(o => o.QueueId));
        Assert.Equal(1, server.Connections);
        Assert.Equal(5, server.Accepted);
    }

    [Fact]
    public async Task Transport_ConnectionDroppedByTheServer_IsReplacedAndTheMessageSent()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued", offerExtensions: false, closeAfterMessage: true);
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        var first = await sender.SendAsync(Email(smtp), CancellationToken.None);
        var second = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.Sent, first.Kind);
        Assert.Equal(DeliveryOutcomeKind.Sent, second.Kind);
        Assert.False(second.ReplyUnknown);
        Assert.Equal(2, server.Accepted);
        Assert.True(server.Connections >= 2, $"expected a reconnect, saw {server.Connections} connection(s)");
    }

    [Fact]
    public async Task Transport_421AtTheEndOfData_IsRetriedOnAFreshConnection()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => attempt == 1 ? "421 4.3.2 shutting down" : "250 2.0.0 queued as R2X");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        var outcome = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("R2X", outcome.QueueId);
        Assert.Equal(2, server.Messages);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Transport_ConnectionDroppedMidData_IsReplyUnknownAndNotRetriedInProcess()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => ScriptedSmtpServer.DropMidData);
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());
        var marks = 0;

        var refusals = 0;
        var outcome = await sender.SendAsync(
            Email(smtp),
            (phase, _) =>
            {
                if (phase == SmtpAttemptPhase.Starting)
                {
                    marks++;
                }
                else
                {
                    refusals++;
                }

                return Task.CompletedTask;
            },
            CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.TransientFailure, outcome.Kind);
        Assert.True(outcome.ReplyUnknown);
        Assert.Null(outcome.SmtpCode);
        Assert.StartsWith("no SMTP reply", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(1, marks);
        Assert.Equal(0, refusals);
        Assert.Equal(1, server.Messages);
    }

    [Fact]
    public async Task Transport_RefusedBeforeTheMessage_IsNotReplyUnknown()
    {
        await using var server = ScriptedSmtpServer.AnsweringRecipient(_ => "451 4.7.1 greylisted");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience(options => options.MaxRetryAttempts = 0));
        var phases = new List<SmtpAttemptPhase>();

        var outcome = await sender.SendAsync(Email(smtp), (phase, _) => { phases.Add(phase); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal([SmtpAttemptPhase.Starting, SmtpAttemptPhase.Refused], phases);
        Assert.Equal(DeliveryOutcomeKind.TransientFailure, outcome.Kind);
        Assert.False(outcome.ReplyUnknown);
        Assert.Equal("451 4.7.1 greylisted", outcome.Detail);
    }

    [Fact]
    public async Task Transport_AsksForDsnWithTheBounceMailboxAsEnvelopeSenderWhenTheServerOffersIt()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued", offerExtensions: true, closeAfterMessage: false);
        var smtp = TestMail.Smtp(server.Port);
        smtp.BounceAddress = "bounces@continuity.gov.uk";
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());
        var alertId = TestMail.UniqueId("dsn");

        Assert.Equal(DeliveryOutcomeKind.Sent, (await sender.SendAsync(Email(smtp, alertId), CancellationToken.None)).Kind);

        var mail = Assert.Single(server.Commands, c => c.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("MAIL FROM:<bounces@continuity.gov.uk>", mail, StringComparison.Ordinal);
        Assert.Contains("RET=HDRS", mail, StringComparison.Ordinal);
        Assert.Contains($"ENVID={alertId}", mail, StringComparison.Ordinal);
        var rcpt = Assert.Single(server.Commands, c => c.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("NOTIFY=FAILURE,DELAY", rcpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transport_WithoutDsnOnTheServer_SendsPlainEnvelopeCommands()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        Assert.Equal(DeliveryOutcomeKind.Sent, (await sender.SendAsync(Email(smtp), CancellationToken.None)).Kind);

        Assert.Equal("MAIL FROM:<hub@continuity.gov.uk>", Assert.Single(server.Commands, c => c.StartsWith("MAIL", StringComparison.Ordinal)));
        Assert.DoesNotContain(server.Commands, c => c.Contains("NOTIFY=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pool_IdleConnectionIsCheckedWithNoopBeforeReuse()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued");
        var smtp = TestMail.Smtp(server.Port);
        smtp.KeepAliveAfter = TimeSpan.FromSeconds(30);
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var pool = new SmtpConnectionPool(Options.Create(smtp), time);
        var transport = new SmtpTransport(pool, Options.Create(smtp));

        await transport.SendAsync(Email(smtp), null, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(10));
        await transport.SendAsync(Email(smtp), null, CancellationToken.None);
        Assert.DoesNotContain("NOOP", server.Commands);

        time.Advance(TimeSpan.FromSeconds(31));
        var outcome = await transport.SendAsync(Email(smtp), null, CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Single(server.Commands, c => c == "NOOP");
        Assert.Equal(1, server.Connections);
        Assert.Equal(1, pool.ConnectionsOpened);
    }

    [Fact]
    public async Task Breaker_OpenAndCloseAreReportedOnceEachNotPerMessage()
    {
        var relayState = new RecordingRelayState();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var port = LoopbackPorts.Free();
        var smtp = TestMail.Smtp(port);
        using var sender = BreakerSender(smtp, relayState, time);

        for (var i = 0; i < 6; i++)
        {
            await sender.SendAsync(Email(smtp), CancellationToken.None);
        }

        Assert.Equal(["down"], relayState.Transitions);

        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued", port);
        time.Advance(TimeSpan.FromSeconds(31));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DeliveryOutcomeKind.Sent, (await sender.SendAsync(Email(smtp), CancellationToken.None)).Kind);
        }

        Assert.Equal(["down", "back"], relayState.Transitions);
    }

    [Fact]
    public async Task Breaker_TrialFailingWhileTheRelayIsStillDown_ReopensWithoutASecondDownNotice()
    {
        var relayState = new RecordingRelayState();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var port = LoopbackPorts.Free();
        var smtp = TestMail.Smtp(port);
        using var sender = BreakerSender(smtp, relayState, time);

        for (var i = 0; i < 4; i++)
        {
            await sender.SendAsync(Email(smtp), CancellationToken.None);
        }

        // Three break durations with the relay still away: each trial fails and the breaker opens again.
        for (var round = 0; round < 3; round++)
        {
            time.Advance(TimeSpan.FromSeconds(31));
            Assert.NotEqual(DeliveryOutcomeKind.Sent, (await sender.SendAsync(Email(smtp), CancellationToken.None)).Kind);
        }

        Assert.Equal(["down"], relayState.Transitions);

        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued", port);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(DeliveryOutcomeKind.Sent, (await sender.SendAsync(Email(smtp), CancellationToken.None)).Kind);
        Assert.Equal(["down", "back"], relayState.Transitions);
    }

    // No retries, the breaker opens after two failures and stays open 30 s of the fake clock.
    private static MailSenderUnderTest BreakerSender(SmtpOptions smtp, RecordingRelayState relayState, FakeTimeProvider time) =>
        TestMail.Sender(smtp, TestMail.FastResilience(options =>
        {
            options.MaxRetryAttempts = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakDuration = TimeSpan.FromSeconds(30);
        }), relayState, time);
}
