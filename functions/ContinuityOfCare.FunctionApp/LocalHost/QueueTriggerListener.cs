using Azure;
using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.Hosting;
using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.FunctionApp.LocalHost;

/// <summary>
/// Runs the <c>queueTrigger</c> functions locally with the Functions host's queue semantics (host.json
/// <c>extensions.queues</c>): poll with back-off up to <c>maxPollingInterval</c>; receive up to <c>batchSize</c>
/// messages, invisible for the function timeout; on success send the queue outputs, then delete; on failure make the
/// message visible again after <c>visibilityTimeout</c>; once a message has failed <c>maxDequeueCount</c> times move
/// it to <c>&lt;queue&gt;-poison</c> (architecture.md "Hosting", "Reliability rules").
/// </summary>
public sealed partial class QueueTriggerListener(
    FunctionCatalogue catalogue,
    FunctionInvoker invoker,
    HubStorage storage,
    HostJsonSettings settings,
    IOptions<LocalHostOptions> options,
    TimeProvider time,
    ILogger<QueueTriggerListener> logger) : LocalTriggerService(options, time)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalogue.WithTrigger(BindingTypes.QueueTrigger).Select(definition => ListenAsync(definition, stoppingToken)));

    private async Task ListenAsync(FunctionDefinition definition, CancellationToken stoppingToken)
    {
        var trigger = definition.Trigger;
        var queue = storage.Queue(trigger.QueueName!);
        var delay = MinPollingInterval;
        var created = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<QueueMessage> messages;
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    created = true;
                }

                // Invisible for as long as the invocation may run; a crash makes the message visible again after that.
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.FunctionTimeout, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException exception)
            {
                LogPollFailed(definition.Name, exception.Status, exception.ErrorCode);
                messages = [];
            }

            if (messages.Count == 0)
            {
                if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                continue;
            }

            delay = MinPollingInterval;
            await Task.WhenAll(messages.Select(message => ProcessAsync(definition, queue, message))).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(FunctionDefinition definition, QueueClient queue, QueueMessage message)
    {
        // Work that follows an invocation (outputs, delete, release) must not be cut short by shutdown.
        var settle = CancellationToken.None;
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                // Already failed (or crashed) maxDequeueCount times.
                await MoveToPoisonAsync(definition, queue, message, settle).ConfigureAwait(false);
                return;
            }

            var context = new FunctionContext(definition, new QueueTriggerInput(message.MessageText, message.MessageId, message.DequeueCount), Guid.NewGuid().ToString("D"));
            try
            {
                await invoker.InvokeAsync(context, InvocationAborted).ConfigureAwait(false);
                await QueueOutputSender.SendAsync(storage, context, settle).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (InvocationAborted.IsCancellationRequested)
            {
                // Shutdown ran out of grace: hand the message back at once; nothing is lost.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: settle).ConfigureAwait(false);
                LogReleased(definition.Name, message.MessageId);
                return;
            }
            catch (Exception exception)
            {
                if (message.DequeueCount >= settings.MaxDequeueCount)
                {
                    await MoveToPoisonAsync(definition, queue, message, settle).ConfigureAwait(false);
                }
                else
                {
                    LogRetry(definition.Name, message.MessageId, message.DequeueCount, exception.GetType().Name);
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: settle).ConfigureAwait(false);
                }

                return;
            }

            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, settle).ConfigureAwait(false);
        }
        catch (RequestFailedException exception)
        {
            // E.g. the pop receipt expired: the message is visible again and will be retried.
            LogSettleFailed(definition.Name, message.MessageId, exception.Status, exception.ErrorCode);
        }
    }

    private async Task MoveToPoisonAsync(FunctionDefinition definition, QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = storage.Queue(queue.Name + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message.MessageText, cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        LogPoisoned(definition.Name, message.MessageId, message.DequeueCount, poison.Name);
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

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "{FunctionName}: polling failed ({Status} {ErrorCode}); backing off")]
    private partial void LogPollFailed(string functionName, int status, string? errorCode);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "{FunctionName}: message {MessageId} failed on attempt {DequeueCount} ({ExceptionType}); it will be retried")]
    private partial void LogRetry(string functionName, string messageId, long dequeueCount, string exceptionType);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "{FunctionName}: message {MessageId} failed {DequeueCount} times and was moved to {PoisonQueue}")]
    private partial void LogPoisoned(string functionName, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "{FunctionName}: message {MessageId} released for retry at shutdown")]
    private partial void LogReleased(string functionName, string messageId);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "{FunctionName}: could not settle message {MessageId} ({Status} {ErrorCode}); it becomes visible again")]
    private partial void LogSettleFailed(string functionName, string messageId, int status, string? errorCode);
}
