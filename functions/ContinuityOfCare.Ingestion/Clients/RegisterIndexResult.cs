using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.Clients;

/// <summary>
/// A client register read straight into a matching index (<see cref="ClientRegisterCsvParser.LoadIndexAsync"/>): the
/// index in place of <see cref="IngestionResult{T}.Records"/>, and the same rejections, warnings and whole-file
/// rejection an <see cref="IngestionResult{T}"/> of the same file holds.
/// </summary>
/// <param name="SourceFile">The file name.</param>
/// <param name="Index">The clients read, in file order; empty when the whole file was rejected.</param>
/// <param name="Rejections">Rows that could not be used, with why.</param>
/// <param name="Warnings">Rows used with a value ignored, with why.</param>
/// <param name="FileRejection">Why the whole file was refused, when it was.</param>
public sealed record RegisterIndexResult(
    string SourceFile,
    MatchingIndex Index,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<Rejection> Warnings,
    Rejection? FileRejection)
{
    /// <summary>Adds the records of <paramref name="items"/> to <paramref name="builder"/> and sorts out the rest, as <see cref="IngestionResult{T}.CollectAsync"/> does.</summary>
    internal static async Task<RegisterIndexResult> CollectAsync(
        string sourceFile, IAsyncEnumerable<ParsedItem<Client>> items, MatchingIndexBuilder builder, CancellationToken cancellationToken)
    {
        var (rejections, warnings, fileRejection) = await IngestionResult<Client>.SortAsync(items, builder.Add, cancellationToken).ConfigureAwait(false);
        var index = fileRejection is null ? builder.Build() : MatchingIndex.Build([]);
        return new RegisterIndexResult(sourceFile, index, rejections, warnings, fileRejection);
    }
}
