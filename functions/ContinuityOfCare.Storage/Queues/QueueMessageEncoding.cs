namespace ContinuityOfCare.Storage.Queues;

/// <summary>How message text is carried in the queue's <c>&lt;MessageText&gt;</c> element.</summary>
public enum QueueMessageEncoding
{
    /// <summary>The text as is (XML-escaped). Not readable by a Functions host using its default encoding.</summary>
    None = 0,

    /// <summary>Base64 of the UTF-8 text: the Azure Functions host's default for queue triggers and outputs.</summary>
    Base64 = 1,
}
