namespace ContinuityOfCare.LocalRunner;

/// <summary>The triggers the local runner hosts.</summary>
public enum TriggerKind
{
    /// <summary><c>[QueueTrigger]</c>.</summary>
    Queue,

    /// <summary><c>[TimerTrigger]</c>.</summary>
    Timer,

    /// <summary><c>[BlobTrigger]</c>.</summary>
    Blob,

    /// <summary><c>[HttpTrigger]</c>.</summary>
    Http,
}
