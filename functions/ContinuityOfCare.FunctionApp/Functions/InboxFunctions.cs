using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// A file dropped in an inbox container → one ingest message carrying its SHA-256. One function per inbox (the
/// container is part of the trigger); the Event Grid source is what Flex Consumption supports for blob triggers.
/// </summary>
public sealed class InboxFunctions
{
    /// <summary>Inbox <c>court-lists</c>.</summary>
    [Function("InboxCourtLists")]
    [QueueOutput(PipelineQueues.Ingest)]
    public static string CourtLists([BlobTrigger("court-lists/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content, string name) =>
        Drop("court-lists", name, content);

    /// <summary>Inbox <c>court-results</c>.</summary>
    [Function("InboxCourtResults")]
    [QueueOutput(PipelineQueues.Ingest)]
    public static string CourtResults([BlobTrigger("court-results/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content, string name) =>
        Drop("court-results", name, content);

    /// <summary>Inbox <c>discharges</c>.</summary>
    [Function("InboxDischarges")]
    [QueueOutput(PipelineQueues.Ingest)]
    public static string Discharges([BlobTrigger("discharges/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content, string name) =>
        Drop("discharges", name, content);

    /// <summary>Inbox <c>clients</c> (the client register).</summary>
    [Function("InboxClients")]
    [QueueOutput(PipelineQueues.Ingest)]
    public static string Clients([BlobTrigger("clients/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content, string name) =>
        Drop("clients", name, content);

    /// <summary>Inbox <c>calendar</c> (a GOV.UK bank-holidays file).</summary>
    [Function("InboxCalendar")]
    [QueueOutput(PipelineQueues.Ingest)]
    public static string Calendar([BlobTrigger("calendar/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content, string name) =>
        Drop("calendar", name, content);

    private static string Drop(string container, string name, byte[] content) =>
        PipelineJson.Serialize(InboxDrop.MessageFor(container, name, content));
}
