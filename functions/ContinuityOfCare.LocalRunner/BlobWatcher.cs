using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using ContinuityOfCare.Hub.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// Runs the <c>blobTrigger</c> functions locally: lists each inbox container every
/// <see cref="LocalRunnerOptions.BlobPollingInterval"/> and invokes the function once per blob version. Each version
/// (name + ETag) gets a receipt in the <see cref="ReceiptsTable"/> table: Processed after success; after
/// <c>maxDequeueCount</c> failures Poisoned (kept, never retried, logged as an error), as the Functions host does.
/// </summary>
public sealed partial class BlobWatcher(
    IReadOnlyList<IndexedFunction> functions,
    FunctionInvoker invoker,
    HubStorage storage,
    HostJsonSettings settings,
    ListenerHealth health,
    IOptions<LocalRunnerOptions> options,
    TimeProvider time,
    ILogger<BlobWatcher> logger) : TriggerService(options, time)
{
    /// <summary>The table holding blob receipts (partition: function name; row: SHA-256 of container/name + ETag).</summary>
    public const string ReceiptsTable = "blobreceipts";

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Where(f => f.Kind == TriggerKind.Blob).Select(function => WatchAsync(function, stoppingToken)));

    /// <summary>The receipt row key of one blob version.</summary>
    public static string ReceiptKey(string container, string name, ETag etag) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{container}/{name}\n{etag}")));

    private async Task WatchAsync(IndexedFunction definition, CancellationToken stoppingToken)
    {
        var container = storage.Container(definition.BlobContainer!);
        var receipts = storage.Table(ReceiptsTable);
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    await receipts.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    ready = true;
                }

                await foreach (var blob in container.GetBlobsAsync(cancellationToken: stoppingToken).ConfigureAwait(false))
                {
                    await ProcessAsync(definition, container, receipts, blob, stoppingToken).ConfigureAwait(false);
                }

                health.Recovered("blobs " + definition.BlobContainer);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Storage unreachable or refusing: keep watching, and say so until it answers again.
                health.Failed("blobs " + definition.BlobContainer, Time.GetUtcNow());
                LogScanFailed(definition.Name, (exception as RequestFailedException)?.Status ?? 0, exception.GetType().Name);
                ready = false;
            }

            try
            {
                await Task.Delay(Options.BlobPollingInterval, Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ProcessAsync(IndexedFunction definition, BlobContainerClient container, TableClient receipts, BlobItem blob, CancellationToken stoppingToken)
    {
        var key = ReceiptKey(container.Name, blob.Name, blob.Properties.ETag ?? default);
        var receipt = (await receipts.GetEntityIfExistsAsync<TableEntity>(definition.Name, key, cancellationToken: stoppingToken).ConfigureAwait(false)).ValueOrNull();
        var status = receipt?.GetString("Status");
        if (status is "Processed" or "Poisoned")
        {
            return;
        }

        var settle = CancellationToken.None;
        var attempts = (receipt?.GetInt32("Attempts") ?? 0) + 1;
        try
        {
            var download = await container.GetBlobClient(blob.Name)
                .DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = blob.Properties.ETag } }, stoppingToken).ConfigureAwait(false);
            var content = download.Value.Content.ToArray();

            await invoker.InvokeAsync(definition, content, new Dictionary<string, object?> { ["name"] = blob.Name }, InvocationAborted).ConfigureAwait(false);
            await WriteReceiptAsync(receipts, definition.Name, key, container.Name, blob, "Processed", attempts, settle).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || InvocationAborted.IsCancellationRequested)
        {
            // Not recorded: the blob is picked up again on the next start.
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // The blob changed while being read: its new ETag is a new version, picked up on the next scan.
        }
        catch (Exception exception)
        {
            var poisoned = attempts >= settings.MaxDequeueCount;
            await WriteReceiptAsync(receipts, definition.Name, key, container.Name, blob, poisoned ? "Poisoned" : "Failed", attempts, settle).ConfigureAwait(false);
            if (poisoned)
            {
                LogPoisoned(definition.Name, attempts, exception.GetType().Name);
            }
            else
            {
                LogRetry(definition.Name, attempts, exception.GetType().Name);
            }
        }
    }

    private static Task WriteReceiptAsync(TableClient receipts, string functionName, string key, string container, BlobItem blob, string status, int attempts, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(functionName, key)
        {
            ["Container"] = container,
            ["BlobName"] = blob.Name,
            ["BlobETag"] = blob.Properties.ETag.ToString(),
            ["Status"] = status,
            ["Attempts"] = attempts,
        };
        return receipts.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "{FunctionName}: listing the inbox failed ({Status} {ExceptionType}); retrying")]
    private partial void LogScanFailed(string functionName, int status, string exceptionType);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{FunctionName}: a blob failed on attempt {Attempts} ({ExceptionType}); it will be retried")]
    private partial void LogRetry(string functionName, int attempts, string exceptionType);

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "{FunctionName}: a blob failed {Attempts} times ({ExceptionType}) and is marked Poisoned in the receipts table")]
    private partial void LogPoisoned(string functionName, int attempts, string exceptionType);
}
