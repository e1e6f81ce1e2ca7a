using ContinuityOfCare.Hub.Directory;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Imports a SPOC directory file dropped in the <c>directory</c> inbox (validate, diff, new version, report).</summary>
public sealed class DirectoryImportFunction(DirectoryImporter importer)
{
    /// <summary>Blob <c>directory/{name}</c>.</summary>
    [Function("DirectoryImport")]
    public async Task RunAsync([BlobTrigger("directory/{name}", Source = BlobTriggerSource.EventGrid)] byte[] content, string name, CancellationToken cancellationToken) =>
        _ = await importer.ImportAsync(name, content, force: false, cancellationToken).ConfigureAwait(false);
}
