namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Raised inside a parser (by <see cref="GuardedInputStream"/>) when the file as a whole cannot be used: over the
/// size cap, or not UTF-8. Parsers turn it into a whole-file rejection; it never leaves the ingestion layer.
/// </summary>
internal sealed class UnreadableFileException : IOException
{
    public UnreadableFileException()
        : this("the file cannot be read")
    {
    }

    public UnreadableFileException(string reason)
        : base(reason) => Reason = reason;

    public UnreadableFileException(string reason, Exception innerException)
        : base(reason, innerException) => Reason = reason;

    /// <summary>The reason, safe to report (it never quotes the file's content).</summary>
    public string Reason { get; }

    /// <summary>The reason carried by this exception or any inner one (libraries may wrap what a stream throws).</summary>
    public static string? FindReason(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is UnreadableFileException unreadable)
            {
                return unreadable.Reason;
            }
        }

        return null;
    }
}
