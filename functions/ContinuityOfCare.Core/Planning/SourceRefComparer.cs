using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Planning;

/// <summary>Orders records by file name, then line, then JSON path (ordinal): a total order over input records.</summary>
public sealed class SourceRefComparer : IComparer<SourceRef>
{
    /// <summary>The shared instance.</summary>
    public static SourceRefComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(SourceRef? x, SourceRef? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byFile = string.CompareOrdinal(x.SourceFile, y.SourceFile);
        if (byFile != 0)
        {
            return byFile;
        }

        var byLine = Nullable.Compare(x.Line, y.Line);
        return byLine != 0 ? byLine : string.CompareOrdinal(x.JsonPath, y.JsonPath);
    }
}
