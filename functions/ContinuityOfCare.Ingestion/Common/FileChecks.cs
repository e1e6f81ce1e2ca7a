using System.Globalization;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>Whole-file checks and their reasons, shared by every parser (formats.md, opening section).</summary>
internal static class FileChecks
{
    public const string NotUtf8 = "the file is not UTF-8 text";

    public static string TooLarge(long maxBytes) =>
        $"the file is larger than the size cap ({FormatBytes(maxBytes)})";

    /// <summary>The size-cap rejection when the length is known before reading (seekable streams), else null.</summary>
    public static Rejection? CheckLengthUpFront(Stream stream, string sourceFile, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            return FileRejection(sourceFile, TooLarge(maxBytes));
        }

        return null;
    }

    public static Rejection FileRejection(string sourceFile, string reason) => new(new SourceRef(sourceFile), reason);

    /// <summary>
    /// A size as a person reads it: MB (1 MB = 1,048,576 bytes, one decimal at most) from 0.1 MB up — every real cap and
    /// file — and exact bytes below, where MB would round to nothing (only tests set such caps).
    /// </summary>
    internal static string FormatBytes(long bytes) =>
        bytes >= Megabyte / 10
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Megabyte:0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    private const long Megabyte = 1024 * 1024;
}
