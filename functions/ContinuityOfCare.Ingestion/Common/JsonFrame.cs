namespace ContinuityOfCare.Ingestion.Common;

/// <summary>One open container on <see cref="JsonStreamWalker"/>'s path: an object (with its current property) or an array (with its current index).</summary>
internal sealed class JsonFrame(bool isArray)
{
    public bool IsArray { get; } = isArray;

    /// <summary>For an object: the property whose value is being read.</summary>
    public string? Name { get; set; }

    /// <summary>For an array: the index of the element being read (-1 before the first).</summary>
    public int Index { get; set; } = -1;
}
