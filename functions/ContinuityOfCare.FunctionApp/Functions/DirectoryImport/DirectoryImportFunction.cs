using ContinuityOfCare.FunctionApp.Directory;
using ContinuityOfCare.FunctionApp.Invocation;

namespace ContinuityOfCare.FunctionApp.Functions.DirectoryImport;

/// <summary>
/// <c>DirectoryImport</c>: a SPOC directory CSV dropped in the <c>directory</c> container becomes a new directory
/// version, or is rejected with a report (formats.md §4). An invalid file is a handled outcome, not a failure: the
/// invocation succeeds and the report says why. Only storage failures fail it (and so retry it).
/// </summary>
public sealed class DirectoryImportFunction(DirectoryImporter importer) : IHubFunction
{
    /// <summary>The function name (its folder and custom handler route).</summary>
    public const string Name = "DirectoryImport";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trigger is not BlobTriggerInput blob)
        {
            throw new InvalidOperationException($"{Name} is triggered by a blob, not {context.Trigger.GetType().Name}");
        }

        await importer.ImportAsync(blob.Name, blob.Content, force: false, cancellationToken).ConfigureAwait(false);
    }
}
