using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>Builds the real mail components against a local server with timings short enough for a test run.</summary>
internal static class TestMail
{
    public static SmtpOptions Smtp(int port, TimeSpan? timeout = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        RequireStartTls = false,
        SenderAddress = "hub@continuity.gov.uk",
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
    };

    public static MailResilienceOptions FastResilience(Action<MailResilienceOptions>? adjust = null)
    {
        var options = new MailResilienceOptions
        {
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            BreakerFailureRatio = 1.0,
            BreakerMinimumThroughput = 3,
            BreakerSamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
            MessagesPerMinute = 0,
        };
        adjust?.Invoke(options);
        return options;
    }

    /// <summary>The real resilient sender on a pooled MailKit transport; <paramref name="timeProvider"/> drives its breaker, retries and timeouts (default: the system clock).</summary>
    public static MailSenderUnderTest Sender(
        SmtpOptions smtp, MailResilienceOptions resilience, IRelayStateObserver? relayState = null, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var pool = new SmtpConnectionPool(Options.Create(smtp), time);
        var sender = new ResilientMailSender(
            new SmtpTransport(pool, Options.Create(smtp)), Options.Create(smtp), Options.Create(resilience), time,
            NullLogger<ResilientMailSender>.Instance, relayState);
        return new MailSenderUnderTest(sender, pool);
    }

    public static AlertEmailFactory EmailFactory(SmtpOptions smtp, IAcknowledgementLinkIssuer? links = null) =>
        new(new AlertFormRenderer(), Options.Create(smtp), links);

    /// <summary>The Message-ID (without angle brackets) the outbox gives the email with outbox id <paramref name="id"/>.</summary>
    public static string MessageIdOf(string id) => MessageIds.For(id, new SmtpOptions().MessageIdDomain).Trim('<', '>');

    /// <summary>A unique id per test so assertions never see another test's mail.</summary>
    public static string UniqueId(string prefix) => $"{prefix}{Guid.NewGuid():N}";
}
