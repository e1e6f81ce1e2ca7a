using BenchmarkDotNet.Attributes;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Benchmarks.Mail;

/// <summary>
/// Render an Alert Form and hand it to a local SMTP server through the full resilient sender (Polly pipeline, rate
/// limiter off, one sequential sender): the MailKit transport (<see cref="RenderAndSend"/>) against the previous
/// System.Net.Mail one (<see cref="RenderAndSendLegacy"/>, the baseline), same messages, same sink, one run. Messages
/// per second = 1 s / Mean (docs/benchmarks.md "Mail").
/// Run: <c>dotnet run -c Release --project tests/ContinuityOfCare.Benchmarks -- --filter '*MailBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class MailBenchmarks
{
    private static readonly Instant SentAt = Instant.FromUtc(2026, 12, 11, 15, 4);
    private SmtpSink _sink = null!;
    private AlertEmailFactory _factory = null!;
    private ResilientMailSender _sender = null!;
    private ResilientMailSender _legacySender = null!;
    private SmtpConnectionPool _pool = null!;
    private AlertForm _form = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _sink = new SmtpSink();
        var smtp = Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1", Port = _sink.Port, RequireStartTls = false, SenderAddress = "hub@continuity.gov.uk",
        });
        var resilience = Options.Create(new MailResilienceOptions { MessagesPerMinute = 0 });
        _factory = new AlertEmailFactory(new AlertFormRenderer(), smtp);
        _pool = new SmtpConnectionPool(smtp, TimeProvider.System);
        _sender = new ResilientMailSender(new SmtpTransport(_pool, smtp), smtp, resilience, TimeProvider.System, NullLogger<ResilientMailSender>.Instance);
        _legacySender = new ResilientMailSender(new LegacySmtpTransport(smtp.Value), smtp, resilience, TimeProvider.System, NullLogger<ResilientMailSender>.Instance);
        _form = new AlertForm(
            "0123456789abcdef0123456789abcdef", "CC-2026-012345", EventKind.TransferredBetweenPrisons, "000 §PP8",
            new AlertParty("CJ-LDS", "Leeds CJIT", OrgType.Cjit, "Duty SPOC", "cjit.leeds@nhs.net", "0113 000 1111", "0800 000 2222"),
            new AlertParty("WDI", "HMP Wakefield", OrgType.PrisonSmt, null, "smt.wakefield@justice.gov.uk", "01924 612 000", null),
            new AlertClientDetails("CL-1", "Sample Person", new LocalDate(1990, 1, 2), "A1234BC", "2012/0123456X"),
            [ChangeBox.TransferredToAnotherPrison],
            "Transferred this morning; treatment continues.",
            "transferred (HMP Leeds → HMP Wakefield)",
            new AlertRequest("ob-1", "smt.clinical-assessment", "Assess clinical needs on reception.", SentAt + Duration.FromHours(24)),
            "benchmark",
            SentAt);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _sender.Dispose();
        _legacySender.Dispose();
        _pool.Dispose();
        _sink.Dispose();
    }

    [Benchmark]
    public OutgoingEmail Render() => _factory.Create(_form, SentAt);

    [Benchmark(Baseline = true)]
    public Task<SmtpDeliveryOutcome> RenderAndSendLegacy() => SendAsync(_legacySender);

    [Benchmark]
    public Task<SmtpDeliveryOutcome> RenderAndSend() => SendAsync(_sender);

    private async Task<SmtpDeliveryOutcome> SendAsync(ResilientMailSender sender)
    {
        var outcome = await sender.SendAsync(_factory.Create(_form, SentAt), CancellationToken.None).ConfigureAwait(false);
        return outcome.Kind == DeliveryOutcomeKind.Sent ? outcome : throw new InvalidOperationException(outcome.Detail);
    }
}
