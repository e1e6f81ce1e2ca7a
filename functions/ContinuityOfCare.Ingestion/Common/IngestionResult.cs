using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Everything one file produced, collected from a parser's stream: the usable records, the per-record rejections and
/// warnings, and the whole-file rejection if there was one (formats.md, opening section).
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="SourceFile">The file name the parser was given.</param>
/// <param name="Records">Usable records, in file order; empty when the file was rejected whole.</param>
/// <param name="Rejections">Rejected records (<see cref="Rejection.IsWarning"/> false), in file order.</param>
/// <param name="Warnings">Warnings (records still used; unknown columns; invalid identifiers dropped).</param>
/// <param name="FileRejection">Set when the file could not be used at all: one clear reason.</param>
public sealed record IngestionResult<T>(
    string SourceFile,
    IReadOnlyList<T> Records,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<Rejection> Warnings,
    Rejection? FileRejection)
    where T : class
{
    /// <summary>
    /// Drains a parser's stream. A whole-file rejection discards records streamed before it (the file is unusable:
    /// e.g. an encoding error or the size cap found part-way through a stream that could not be checked up front).
    /// </summary>
    public static async Task<IngestionResult<T>> CollectAsync(
        string sourceFile, IAsyncEnumerable<ParsedItem<T>> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var records = new List<T>();
        var (rejections, warnings, fileRejection) = await SortAsync(items, records.Add, cancellationToken).ConfigureAwait(false);
        return fileRejection is null
            ? new IngestionResult<T>(sourceFile, records, rejections, warnings, null)
            : new IngestionResult<T>(sourceFile, [], rejections, warnings, fileRejection);
    }

    /// <summary>
    /// Drains a parser's stream, handing each usable record to <paramref name="record"/> as it comes and sorting the
    /// rest: per-record rejections, warnings, and the first whole-file rejection (one home for the sorting, whether the
    /// records are kept as a list or read into something else, e.g. a matching index).
    /// </summary>
    internal static async Task<(List<Rejection> Rejections, List<Rejection> Warnings, Rejection? FileRejection)> SortAsync(
        IAsyncEnumerable<ParsedItem<T>> items, Action<T> record, CancellationToken cancellationToken)
    {
        var rejections = new List<Rejection>();
        var warnings = new List<Rejection>();
        Rejection? fileRejection = null;
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (item.IsRecord)
            {
                record(item.Record);
            }
            else if (item.IsFileRejection)
            {
                fileRejection ??= item.Rejection;
            }
            else if (item.IsWarning)
            {
                warnings.Add(item.Rejection);
            }
            else
            {
                rejections.Add(item.Rejection);
            }
        }

        return (rejections, warnings, fileRejection);
    }
}
