using Azure;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>One operation of an entity group transaction.</summary>
public sealed class TableTransactionAction
{
    /// <summary>Creates an action.</summary>
    /// <param name="actionType">What to do.</param>
    /// <param name="entity">The entity (for <see cref="TableTransactionActionType.Delete"/> only its keys are used).</param>
    /// <param name="ifMatch">
    /// For updates and deletes, the ETag the stored entity must have, or <see cref="ETag.All"/> for any; must be
    /// <c>default</c> for adds and upserts.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="actionType"/> is not defined.</exception>
    /// <exception cref="ArgumentException">An update/delete without an ETag, or an add/upsert with one.</exception>
    public TableTransactionAction(TableTransactionActionType actionType, TableEntity entity, ETag ifMatch = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!Enum.IsDefined(actionType))
        {
            throw new ArgumentOutOfRangeException(nameof(actionType), actionType, "Unknown transaction action type.");
        }

        var needsETag = actionType is TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace or TableTransactionActionType.Delete;
        if (needsETag && ifMatch == default)
        {
            throw new ArgumentException("Updates and deletes need an explicit ETag (ETag.All to match any).", nameof(ifMatch));
        }

        if (!needsETag && ifMatch != default)
        {
            throw new ArgumentException("Adds and upserts take no ETag.", nameof(ifMatch));
        }

        ActionType = actionType;
        Entity = entity;
        IfMatch = ifMatch;
    }

    /// <summary>What to do.</summary>
    public TableTransactionActionType ActionType { get; }

    /// <summary>The entity.</summary>
    public TableEntity Entity { get; }

    /// <summary>The ETag condition for updates and deletes; <c>default</c> for adds and upserts.</summary>
    public ETag IfMatch { get; }
}
