namespace ContinuityOfCare.Storage.Tables;

/// <summary>How an update or upsert treats properties that the stored entity has and the new one lacks.</summary>
public enum TableUpdateMode
{
    /// <summary>Merge: properties not in the new entity are kept (HTTP MERGE).</summary>
    Merge = 0,

    /// <summary>Replace: the stored entity becomes exactly the new one (HTTP PUT).</summary>
    Replace = 1,
}
