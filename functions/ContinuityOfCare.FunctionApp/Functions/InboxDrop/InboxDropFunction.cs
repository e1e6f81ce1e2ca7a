using System.Security.Cryptography;
using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline.Messages;

namespace ContinuityOfCare.FunctionApp.Functions.InboxDrop;

/// <summary>
/// A file dropped in an inbox container (issue 6 "Scheduled ingestion": blob drops enqueue on demand) → one ingest
/// message carrying its SHA-256. The same class serves every inbox's blob-trigger function (<see cref="Names"/>); the
/// ingest step does the SHA-256 idempotency, so a drop seen twice is harmless.
/// </summary>
public sealed class InboxDropFunction : IHubFunction
{
    /// <summary>The queue output binding.</summary>
    public const string IngestOutput = "ingest";

    /// <summary>The blob-trigger functions this class serves, one per inbox (folder names under Functions/).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["InboxCourtLists", "InboxCourtResults", "InboxDischarges", "InboxClients", "InboxCalendar"];

    /// <inheritdoc />
    public Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trigger is not BlobTriggerInput blob)
        {
            throw new InvalidOperationException($"{context.Definition.Name} is triggered by a blob, not {context.Trigger.GetType().Name}");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(blob.Content.Span));
        context.AddQueueMessage(IngestOutput, PipelineJson.Serialize(new IngestMessage(blob.Container, blob.Name, sha256)));
        return Task.CompletedTask;
    }
}
