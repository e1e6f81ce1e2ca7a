using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>architecture.md "Reliability rules": classification, retry, no retry on 5xx, timeout, breaker, rate limit.</summary>
public sealed class ResilientMailSenderTests
{
    private static OutgoingEmail Email(SmtpOptions smtp) =>
        TestMail.EmailFactory(smtp).Create(SampleAlerts.Transfer(TestMail.UniqueId("r")), SampleAlerts.SentAt);

    [Fact]
    public async Task ReliabilityRules_Smtp4xxThen2xx_IsRetriedAndSent()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => attempt == 1 ? "451 4.3.0 try again later" : "250 2.0.0 queued as 42");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        var outcome = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(250, outcome.SmtpCode);
        Assert.Equal(2, server.Messages);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task ReliabilityRules_Smtp550_IsPermanentAndNotRetried()
    {
        await using var server = ScriptedSmtpServer.AnsweringRecipient(_ => "550 5.1.1 mailbox unavailable");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience());

        var outcome = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.PermanentFailure, outcome.Kind);
        Assert.Equal(550, outcome.SmtpCode);
        Assert.Equal(1, server.Messages);
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task ReliabilityRules_Persistent4xx_IsTransientAfterTheRetriesAreSpent()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "421 4.7.0 try again later");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience(options => options.BreakerMinimumThroughput = 10));

        var outcome = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.TransientFailure, outcome.Kind);
        Assert.Equal(421, outcome.SmtpCode);
        Assert.Equal(3, server.Messages);
    }

    [Fact]
    public async Task ReliabilityRules_ServerThatNeverAnswers_TimesOutPerAttemptAsTransient()
    {
        await using var server = ScriptedSmtpServer.Silent();
        var smtp = TestMail.Smtp(server.Port, TimeSpan.FromMilliseconds(300));
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience(options => options.MaxRetryAttempts = 1));

        var outcome = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.TransientFailure, outcome.Kind);
        Assert.Null(outcome.SmtpCode);
        Assert.Contains("timed out", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReliabilityRules_RelayDown_OpensTheCircuitAndStopsAttempting()
    {
        var smtp = TestMail.Smtp(LoopbackPorts.Free());
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience(options =>
        {
            options.MaxRetryAttempts = 0;
            options.BreakerMinimumThroughput = 2;
        }));

        var first = await sender.SendAsync(Email(smtp), CancellationToken.None);
        var second = await sender.SendAsync(Email(smtp), CancellationToken.None);
        var third = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(DeliveryOutcomeKind.TransientFailure, first.Kind);
        Assert.Null(first.SmtpCode);
        Assert.Equal(DeliveryOutcomeKind.TransientFailure, second.Kind);
        Assert.Equal(DeliveryOutcomeKind.CircuitOpen, third.Kind);
    }

    [Fact]
    public async Task ReliabilityRules_RateLimit_ExcessMessagesAreLeftQueuedNotSent()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 OK");
        var smtp = TestMail.Smtp(server.Port);
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience(options =>
        {
            options.MessagesPerMinute = 2;
            options.RateLimitQueueLimit = 0;
        }));

        var outcomes = new List<SmtpDeliveryOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await sender.SendAsync(Email(smtp), CancellationToken.None));
        }

        Assert.Equal([DeliveryOutcomeKind.Sent, DeliveryOutcomeKind.Sent, DeliveryOutcomeKind.TransientFailure], outcomes.Select(o => o.Kind));
        Assert.Contains("rate limit", outcomes[2].Detail, StringComparison.Ordinal);
        Assert.Equal(2, server.Accepted);
    }

    [Theory]
    [InlineData(421, DeliveryOutcomeKind.TransientFailure)]
    [InlineData(450, DeliveryOutcomeKind.TransientFailure)]
    [InlineData(451, DeliveryOutcomeKind.TransientFailure)]
    [InlineData(550, DeliveryOutcomeKind.PermanentFailure)]
    [InlineData(553, DeliveryOutcomeKind.PermanentFailure)]
    [InlineData(554, DeliveryOutcomeKind.PermanentFailure)]
    public void ReliabilityRules_ReplyCodeClassification(int code, DeliveryOutcomeKind expected) =>
        Assert.Equal(expected, SmtpFailureClassifier.Classify(code));

    /// <summary>
    /// Only relay failures count toward the breaker: a per-attempt hook that fails — storage refusing the outbox's
    /// Sending write, or answering more slowly than the SMTP attempt's timeout — is neither retried nor counted, the
    /// caller gets the hook's failure, nothing reaches the relay, and the next send goes through (no relay-down notice).
    /// </summary>
    [Theory]
    [InlineData("storage refuses the write")]
    [InlineData("storage slower than the attempt timeout")]
    public async Task ReliabilityRules_AttemptHookFailing_IsNotARelayFailure(string storage)
    {
        await using var server = ScriptedSmtpServer.AnsweringData(_ => "250 2.0.0 queued");
        var smtp = TestMail.Smtp(server.Port, TimeSpan.FromMilliseconds(300));
        var relay = new RecordingRelayState();
        using var sender = TestMail.Sender(smtp, TestMail.FastResilience(options => options.BreakerMinimumThroughput = 2), relay);
        var hookCalls = 0;
        SmtpAttemptObserver failingStorage = async (phase, token) =>
        {
            Interlocked.Increment(ref hookCalls);
            if (storage == "storage refuses the write")
            {
                // The storage client's connection refused: an I/O failure, which the transport would take for the relay's.
                throw new IOException("storage account unreachable");
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, token);
        };

        for (var i = 0; i < 4; i++)
        {
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Email(smtp), failingStorage, CancellationToken.None));
            Assert.IsType(storage == "storage refuses the write" ? typeof(IOException) : typeof(TimeoutException), thrown);
        }

        var next = await sender.SendAsync(Email(smtp), CancellationToken.None);

        Assert.Equal(4, hookCalls); // not retried
        Assert.Empty(relay.Transitions);
        Assert.Equal(DeliveryOutcomeKind.Sent, next.Kind);
        Assert.Equal(1, server.Messages);
    }
}
