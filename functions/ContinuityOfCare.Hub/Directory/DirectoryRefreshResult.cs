namespace ContinuityOfCare.Hub.Directory;

/// <summary>What one <see cref="DirectoryRefresher.RefreshAsync"/> did.</summary>
/// <param name="Status"><see cref="Empty"/>, <see cref="AlreadyImported"/> or <see cref="Imported"/>.</param>
/// <param name="BlobName">The newest file of the <c>directory</c> inbox, when there is one.</param>
/// <param name="Import">The importer's outcome, when the file was handed to it.</param>
public sealed record DirectoryRefreshResult(string Status, string? BlobName, DirectoryImportOutcome? Import)
{
    /// <summary>The inbox holds no file.</summary>
    public const string Empty = "empty";

    /// <summary>The newest file is the live directory's source (same SHA-256): nothing was done.</summary>
    public const string AlreadyImported = "alreadyImported";

    /// <summary>The newest file was handed to the importer (its outcome says whether it was accepted).</summary>
    public const string Imported = "imported";
}
