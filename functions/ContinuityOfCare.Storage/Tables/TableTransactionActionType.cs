namespace ContinuityOfCare.Storage.Tables;

/// <summary>The operation of one action in an entity group transaction.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails the whole transaction if the entity exists.</summary>
    Add = 0,

    /// <summary>Update with merge; needs an ETag (or <see cref="Azure.ETag.All"/>).</summary>
    UpdateMerge = 1,

    /// <summary>Update with replace; needs an ETag (or <see cref="Azure.ETag.All"/>).</summary>
    UpdateReplace = 2,

    /// <summary>Insert or merge.</summary>
    UpsertMerge = 3,

    /// <summary>Insert or replace.</summary>
    UpsertReplace = 4,

    /// <summary>Delete; needs an ETag (or <see cref="Azure.ETag.All"/>).</summary>
    Delete = 5,
}
