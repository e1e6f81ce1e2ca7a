using System.Runtime.CompilerServices;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>Opening an input file from disk for a parser; a file that cannot be opened is one whole-file rejection.</summary>
public static class InputFiles
{
    /// <summary>Opens <paramref name="path"/> and streams what <paramref name="parse"/> makes of it, reporting it by its file name only.</summary>
    public static async IAsyncEnumerable<ParsedItem<T>> ParseFileAsync<T>(
        string path,
        Func<Stream, string, CancellationToken, IAsyncEnumerable<ParsedItem<T>>> parse,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(parse);
        var name = Path.GetFileName(path);
        FileStream? stream = null;
        string? failure = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failure = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file cannot be opened";
        }

        if (stream is null)
        {
            yield return ParsedItem<T>.Of(new Rejection(new SourceRef(name), failure ?? "the file cannot be opened"));
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            await foreach (var item in parse(stream, name, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }
}
