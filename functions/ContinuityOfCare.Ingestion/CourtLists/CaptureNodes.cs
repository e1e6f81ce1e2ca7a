namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// Captured nodes of one kind, reused from sitting to sitting so that reading a sitting allocates only the values it
/// keeps. <see cref="Reset"/> at the start of a sitting makes every node available again; a node given out is cleared.
/// </summary>
internal sealed class CaptureNodes<T>
    where T : class, ICapturedNode, new()
{
    private readonly List<T> _nodes = [];
    private int _used;

    public void Reset() => _used = 0;

    public T Take()
    {
        if (_used == _nodes.Count)
        {
            _nodes.Add(new T());
        }

        var node = _nodes[_used++];
        node.Clear();
        return node;
    }
}
