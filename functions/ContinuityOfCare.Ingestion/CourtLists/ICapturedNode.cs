namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>The fields captured from one JSON object of a sitting; <see cref="Clear"/> forgets them for reuse.</summary>
internal interface ICapturedNode
{
    void Clear();
}
