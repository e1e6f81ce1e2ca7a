using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// Queue triggers with the Functions host's semantics (host.json <c>extensions:queues</c>): batches of
/// <c>batchSize</c>, polling backing off to <c>maxPollingInterval</c>, a failed message retried after
/// <c>visibilityTimeout</c>, and moved to <c>&lt;queue&gt;-poison</c> after <c>maxDequeueCount</c> attempts. A received
/// message is held with a short lease renewed while its function runs, so one taken by a killed process is visible
/// again within <see cref="LocalRunnerOptions.MessageLease"/>. Storage outages are survived: polling retries with
/// back-off and reports itself in <see cref="ListenerHealth"/> until storage answers again.
/// </summary>
public sealed partial class QueueListener(
    IReadOnlyList<IndexedFunction> functions,
    FunctionInvoker invoker,
    HubStorage storage,
    HostJsonSettings settings,
    ListenerHealth health,
    IOptions<LocalRunnerOptions> options,
    TimeProvider time,
    ILogger<QueueListener> logger) : TriggerService(options, time)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Where(f => f.Kind == TriggerKind.Queue).Select(f => ListenAsync(f, stoppingToken)));

    private async Task ListenAsync(IndexedFunction function, CancellationToken stoppingToken)
    {
        var queue = storage.Queue(function.QueueName!);
        var delay = MinPollingInterval;
        var created = false;
        var listener = "queue " + function.QueueName;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    created = true;
                }

                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, Options.MessageLease, stoppingToken).ConfigureAwait(false)).Value;
                health.Recovered(listener);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Storage unreachable or refusing: never stop listening; back off and say so. The queue is created again
                // on the next attempt (a storage account that came back empty has none).
                health.Failed(listener, Time.GetUtcNow());
                created = false;
                LogPollFailed(function.Name, (exception as RequestFailedException)?.Status ?? 0, exception.GetType().Name);
                delay = TimeSpan.FromTicks(Math.Min(Math.Max(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks), Options.MaxOutageBackoff.Ticks));
                if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
                {
                    break;
                }

                continue;
            }

            if (messages.Length == 0)
            {
                if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(Math.Max(delay.Ticks * 2, MinPollingInterval.Ticks), Math.Max(settings.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                continue;
            }

            delay = MinPollingInterval;
            await Task.WhenAll(messages.Select(message => ProcessAsync(function, queue, message))).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(IndexedFunction function, QueueClient queue, QueueMessage message)
    {
        // Work that follows an invocation (delete, release, poison) must not be cut short by shutdown.
        var settle = CancellationToken.None;
        var receipt = new PopReceipt(message.PopReceipt);
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                // Already failed (or was taken by a process that died) maxDequeueCount times.
                await MoveToPoisonAsync(function, queue, message, receipt.Value, settle).ConfigureAwait(false);
                return;
            }

            using var renewing = new CancellationTokenSource();
            var renewal = RenewLeaseAsync(queue, message.MessageId, receipt, renewing.Token);
            try
            {
                // The trigger's metadata, bindable by parameter name as in the isolated worker.
                var metadata = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["id"] = message.MessageId,
                    ["dequeueCount"] = message.DequeueCount,
                    ["insertionTime"] = message.InsertedOn,
                };
                await invoker.InvokeAsync(function, message.Body.ToString(), metadata, InvocationAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (InvocationAborted.IsCancellationRequested)
            {
                await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
                // Shutdown ran out of grace: hand the message back at once; nothing is lost.
                await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: TimeSpan.Zero, cancellationToken: settle).ConfigureAwait(false);
                LogReleased(function.Name, message.MessageId);
                return;
            }
            catch (Exception exception)
            {
                await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
                if (message.DequeueCount >= settings.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(function, queue, message, receipt.Value, settle).ConfigureAwait(false);
                }
                else
                {
                    LogRetry(function.Name, message.MessageId, message.DequeueCount, exception.GetType().Name);
                    await queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: settle).ConfigureAwait(false);
                }

                return;
            }

            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            await queue.DeleteMessageAsync(message.MessageId, receipt.Value, settle).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or HttpRequestException)
        {
            // E.g. the pop receipt expired or storage went away: the message becomes visible again and is retried.
            LogSettleFailed(function.Name, message.MessageId, (exception as RequestFailedException)?.Status ?? 0);
        }
    }

    private async Task RenewLeaseAsync(QueueClient queue, string messageId, PopReceipt receipt, CancellationToken cancellationToken)
    {
        // A third of the lease: one late renewal (a slow storage answer, a loaded machine) still leaves a third in hand.
        var every = TimeSpan.FromTicks(Options.MessageLease.Ticks / 3);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, Time, cancellationToken).ConfigureAwait(false);
                // Once sent, a renewal is not abandoned: one the service applied but this process gave up on would leave
                // it a stale pop receipt, so the finished message could not be deleted (400) and would be delivered
                // again — its dequeue count climbing toward poison without any failure. Stopping waits for it instead.
                var updated = await queue.UpdateMessageAsync(messageId, receipt.Value, visibilityTimeout: Options.MessageLease, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                receipt.Value = updated.Value.PopReceipt;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or HttpRequestException or AggregateException)
            {
                // A missed renewal only risks a second delivery, which every function tolerates (idempotent effects).
            }
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync().ConfigureAwait(false);
        await renewal.ConfigureAwait(false);
    }

    private async Task MoveToPoisonAsync(IndexedFunction function, QueueClient queue, QueueMessage message, string popReceipt, CancellationToken cancellationToken)
    {
        var poison = storage.Queue(queue.Name + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken).ConfigureAwait(false);
        LogPoisoned(function.Name, message.MessageId, message.DequeueCount, poison.Name);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, Time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The current pop receipt of a message whose lease is being renewed (each renewal issues a new one).</summary>
    private sealed class PopReceipt(string value)
    {
        public string Value { get; set; } = value;
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "{FunctionName}: polling failed ({Status} {ExceptionType}); retrying with back-off")]
    private partial void LogPollFailed(string functionName, int status, string exceptionType);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{FunctionName}: message {MessageId} failed on attempt {DequeueCount} ({ExceptionType}); it will be retried")]
    private partial void LogRetry(string functionName, string messageId, long dequeueCount, string exceptionType);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "{FunctionName}: message {MessageId} failed {DequeueCount} times and was moved to {PoisonQueue}")]
    private partial void LogPoisoned(string functionName, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "{FunctionName}: message {MessageId} released for retry at shutdown")]
    private partial void LogReleased(string functionName, string messageId);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "{FunctionName}: could not settle message {MessageId} ({Status}); it becomes visible again")]
    private partial void LogSettleFailed(string functionName, string messageId, int status);
}
