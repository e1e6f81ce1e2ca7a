using Azure;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Recognises storage failures as Azure.Core reports them: a <see cref="RequestFailedException"/>, or — when every retry
/// failed at the transport (connection refused, timeout) — an <see cref="AggregateException"/> of them.
/// </summary>
public static class StorageFailure
{
    /// <summary>The storage failure inside <paramref name="exception"/>, or null when it is something else.</summary>
    public static RequestFailedException? Find(Exception? exception) => exception switch
    {
        RequestFailedException failed => failed,
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => inner is RequestFailedException) =>
            (RequestFailedException)aggregate.InnerExceptions[^1],
        _ => null,
    };
}
