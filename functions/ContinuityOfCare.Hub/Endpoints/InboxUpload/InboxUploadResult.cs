namespace ContinuityOfCare.Hub.Endpoints.InboxUpload;

/// <summary>The body of a successful <c>POST /api/inbox/{kind}</c> (202).</summary>
/// <param name="Container">The inbox container the file was stored in.</param>
/// <param name="Name">Its blob name.</param>
/// <param name="Sha256">The SHA-256 of the stored bytes (lower-case hex): the file's identity in the pipeline.</param>
/// <param name="Bytes">How many bytes were stored.</param>
/// <param name="HandedTo">What processes it next: the <c>ingest</c> queue, or the <c>DirectoryImport</c> blob trigger.</param>
public sealed record InboxUploadResult(string Container, string Name, string Sha256, long Bytes, string HandedTo);
