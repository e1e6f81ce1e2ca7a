namespace ContinuityOfCare.Hub.State;

/// <summary>Where an ingested file is (docs/pipeline.md "Ingest").</summary>
public enum IngestedFileStatus
{
    /// <summary>Claimed for ingestion; no outcome recorded yet (in flight, or its worker stopped).</summary>
    Claimed,

    /// <summary>Parsed; moved to <c>processed/</c>.</summary>
    Processed,

    /// <summary>Refused as a whole; moved to <c>rejected/</c>.</summary>
    Rejected,
}
