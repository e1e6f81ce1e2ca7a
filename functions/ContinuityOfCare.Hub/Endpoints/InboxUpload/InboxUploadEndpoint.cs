using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Endpoints.InboxUpload;

/// <summary>
/// <c>POST /api/inbox/{kind}?name=FILE</c> (function key; docs/api.md "`POST /api/inbox/{kind}?name=FILE`": an
/// authenticated upload does what a blob drop does): stores the body in the inbox container <c>kind</c> under <c>name</c>, create-only (an existing name is
/// 409: files are never overwritten), then hands it on as the blob triggers do — an ingest message for the feed, register
/// and calendar inboxes; for <c>directory</c> the <c>DirectoryImport</c> blob trigger imports it. Larger than
/// <see cref="PipelineOptions.MaxUploadBytes"/> → 413. The ingest step's SHA-256 idempotency makes the blob trigger's
/// own message for the same file harmless.
/// <para>The HTTP trigger hands the body over as UTF-8 text (both hosts), so the stored bytes are its UTF-8 encoding:
/// every inbox format is UTF-8 text (formats.md), and a byte-order mark is not kept.</para>
/// </summary>
public sealed partial class InboxUploadEndpoint(
    HubStorage storage,
    IOptions<PipelineOptions> options,
    ILogger<InboxUploadEndpoint> logger) : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "InboxUpload";

    /// <summary>The function that imports a file uploaded to the directory inbox (its blob trigger), named in the answer.</summary>
    public const string DirectoryImportFunctionName = "DirectoryImport";

    /// <summary>The longest file name accepted.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The inboxes a file can be uploaded to (the <c>{kind}</c> route values).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [InboxContainers.CourtLists, InboxContainers.CourtResults, InboxContainers.Discharges, InboxContainers.Clients, InboxContainers.Directory, InboxContainers.Calendar];

    /// <inheritdoc />
    public override long MaxBodyBytes => options.Value.MaxUploadBytes;

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var kind = ApiRequest.Route(request, "kind");
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"The inbox must be one of: {string.Join(", ", Kinds)}."));
        }

        request.Query.TryGetValue("name", out var name);
        if (!IsAcceptableName(name))
        {
            throw new ApiProblemException(ApiProblem.BadRequest(
                $"'name' is required: the file name (at most {MaxNameLength} characters; no path separators, '%', ':', control characters or leading dot)."));
        }

        // A court list's court code may come with the request (HMCTS's downloaded lists carry none in the file or
        // its name); it is kept as the blob's metadata and used for court-based routing (docs/formats.md §1).
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Query.TryGetValue(PipelineBlobs.CourtCodeMetadata, out var courtCode) && !string.IsNullOrWhiteSpace(courtCode))
        {
            if (kind != InboxContainers.CourtLists || PipelineBlobs.CourtCodeOf(new Dictionary<string, string> { [PipelineBlobs.CourtCodeMetadata] = courtCode }) is not { } code)
            {
                throw new ApiProblemException(ApiProblem.BadRequest("'courtcode' is only for the court-lists inbox and must be 3–10 letters and digits (e.g. B01LY)."));
            }

            metadata[PipelineBlobs.CourtCodeMetadata] = code;
        }

        // Over Pipeline:MaxUploadBytes was refused with 413 before this ran (MaxBodyBytes, the base's one cap rule).
        var content = Encoding.UTF8.GetBytes(request.Body ?? string.Empty);
        if (content.Length == 0)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("The body is empty: it must be the file's content."));
        }

        var container = storage.Container(kind);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            await container.GetBlobClient(name!).UploadAsync(stream, new BlobUploadOptions
            {
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            throw new ApiProblemException(ApiProblem.Conflict($"A file named '{name}' is already in the {kind} inbox; upload it under another name."));
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        string handedTo;
        if (kind == InboxContainers.Directory)
        {
            handedTo = DirectoryImportFunctionName;
        }
        else
        {
            var ingest = storage.Queue(PipelineQueues.Ingest);
            await ingest.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await ingest.SendMessageAsync(PipelineJson.Serialize(new IngestMessage(kind, name!, sha256)), cancellationToken: cancellationToken).ConfigureAwait(false);
            handedTo = PipelineQueues.Ingest;
        }

        LogUploaded(kind, content.Length, sha256[..12], handedTo);
        return ApiJson.Response(new InboxUploadResult(kind, name!, sha256, content.Length, handedTo), statusCode: 202);
    }

    private static bool IsAcceptableName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= MaxNameLength
        && name.Trim().Length == name.Length
        && !name.StartsWith('.')
        // '%' and ':' too: a name that is still percent-encoded ("%2e%2e%2f…") or names a drive would become a path
        // to whatever decodes it later; real feed files use neither.
        && !name.Any(c => c is '/' or '\\' or '%' or ':' || char.IsControl(c));

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information, Message = "Inbox upload to {Inbox}: {Bytes} bytes, file {Sha256Prefix}, handed to {HandedTo}")]
    private partial void LogUploaded(string inbox, int bytes, string sha256Prefix, string handedTo);
}
