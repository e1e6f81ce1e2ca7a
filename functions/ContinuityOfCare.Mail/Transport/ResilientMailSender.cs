using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// The SMTP transport behind one Polly v8 pipeline (architecture.md "Reliability rules"), outermost first:
/// <list type="number">
/// <item>rate limiter (Polly.RateLimiting over a sliding window, one permit per message): relays throttle; retries of
/// the same message do not take another permit. A full queue returns a transient failure and the alert stays queued;</item>
/// <item>retry with jittered exponential back-off on transient failures (connection failures, timeouts, SMTP 4xx) — never
/// on permanent ones (SMTP 5xx) and never on an open circuit;</item>
/// <item>circuit breaker: while the relay is down, sends are not attempted and return <see cref="DeliveryOutcomeKind.CircuitOpen"/>;
/// its open and close transitions go to the <see cref="IRelayStateObserver"/> once each;</item>
/// <item>timeout per attempt (<see cref="SmtpOptions.Timeout"/>).</item>
/// </list>
/// Only the relay's failures count: an exception from the per-attempt hook (<see cref="SmtpAttemptObserver"/> — the
/// outbox's storage writes) is neither retried nor counted by the breaker nor turned into a timeout, even when the
/// attempt's timeout cancelled it; it reaches the caller unchanged (a storage outage must not raise a relay-down notice).
/// </summary>
public sealed partial class ResilientMailSender : IMailSender, IDisposable
{
    private readonly ISmtpTransport _transport;
    private readonly ResiliencePipeline<SmtpDeliveryOutcome> _pipeline;
    private readonly RateLimiter? _rateLimiter;
    private readonly ILogger<ResilientMailSender> _logger;

    /// <summary>Builds the pipeline from validated options.</summary>
    public ResilientMailSender(
        ISmtpTransport transport,
        IOptions<SmtpOptions> smtpOptions,
        IOptions<MailResilienceOptions> resilienceOptions,
        TimeProvider timeProvider,
        ILogger<ResilientMailSender> logger,
        IRelayStateObserver? relayState = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(smtpOptions);
        ArgumentNullException.ThrowIfNull(resilienceOptions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _transport = transport;
        _logger = logger;
        var options = resilienceOptions.Value;
        _rateLimiter = options.MessagesPerMinute <= 0
            ? null
            : new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.MessagesPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = Math.Max(0, options.RateLimitQueueLimit),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        _pipeline = BuildPipeline(options, smtpOptions.Value.Timeout, _rateLimiter, timeProvider, new OncePerOutageRelayObserver(relayState ?? new NoRelayStateObserver()), logger);
    }

    /// <inheritdoc />
    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);

    /// <inheritdoc />
    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<SmtpDeliveryOutcome>(state.Transport.SendAsync(state.Email, state.Attempts, token)),
                (Transport: _transport, Email: email, Attempts: AttemptObserverFailure.Guard(attempts)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptObserverFailure failure)
        {
            // The hook's own failure (e.g. storage slow or away while the outbox marks the alert Sending) passed the
            // retry, breaker and timeout as what it is, not as a relay failure. The caller sees the original exception,
            // except a cancellation by the attempt's timeout (the caller did not cancel), which says so.
            var inner = failure.InnerException!;
            if (inner is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("The per-attempt hook (a storage write) did not finish within the SMTP attempt's timeout; nothing was handed to the relay.", inner);
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (RateLimiterRejectedException)
        {
            LogRateLimited(_logger, email.MessageId);
            return SmtpDeliveryOutcome.Transient(null, "rate limit: too many messages waiting; left queued");
        }
        catch (BrokenCircuitException)
        {
            LogCircuitOpen(_logger, email.MessageId);
            return SmtpDeliveryOutcome.CircuitOpen("circuit open: the relay is considered down; left queued");
        }
        catch (TimeoutRejectedException exception)
        {
            return SmtpDeliveryOutcome.Transient(null, $"no SMTP reply: timed out after {exception.Timeout}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _rateLimiter?.Dispose();

    private static ResiliencePipeline<SmtpDeliveryOutcome> BuildPipeline(
        MailResilienceOptions options, TimeSpan attemptTimeout, RateLimiter? rateLimiter, TimeProvider timeProvider, IRelayStateObserver relayState, ILogger logger)
    {
        var transient = new PredicateBuilder<SmtpDeliveryOutcome>()
            .HandleResult(outcome => outcome.Kind == DeliveryOutcomeKind.TransientFailure)
            .Handle<TimeoutRejectedException>();
        // An attempt whose reply is unknown is never retried here: the outbox decides, and labels the repeat.
        var retryable = new PredicateBuilder<SmtpDeliveryOutcome>()
            .HandleResult(outcome => outcome.Kind == DeliveryOutcomeKind.TransientFailure && !outcome.ReplyUnknown)
            .Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder<SmtpDeliveryOutcome> { TimeProvider = timeProvider };
        if (rateLimiter is not null)
        {
            builder.AddRateLimiter(rateLimiter);
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SmtpDeliveryOutcome>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = retryable,
                OnRetry = arguments =>
                {
                    LogRetry(logger, arguments.AttemptNumber + 1, arguments.RetryDelay, arguments.Outcome.Result?.SmtpCode);
                    return default;
                },
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SmtpDeliveryOutcome>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = transient,
                OnOpened = arguments =>
                {
                    LogBreakerOpened(logger, arguments.BreakDuration);
                    var last = arguments.Outcome.Result?.Detail ?? arguments.Outcome.Exception?.GetType().Name ?? "unknown";
                    return relayState.RelayDownAsync(arguments.BreakDuration, last);
                },
                OnClosed = _ =>
                {
                    LogBreakerClosed(logger);
                    return relayState.RelayBackAsync();
                },
            })
            .AddTimeout(attemptTimeout)
            .Build();
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "SMTP attempt failed transiently (code {SmtpCode}); retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, int? smtpCode);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "SMTP circuit opened for {BreakDuration}: the relay is considered down")]
    private static partial void LogBreakerOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "SMTP circuit closed: the relay is back")]
    private static partial void LogBreakerClosed(ILogger logger);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Message {MessageId} not attempted: circuit open")]
    private static partial void LogCircuitOpen(ILogger logger, string messageId);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Message {MessageId} not attempted: rate-limit queue full")]
    private static partial void LogRateLimited(ILogger logger, string messageId);
}
