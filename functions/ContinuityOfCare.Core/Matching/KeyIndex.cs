namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// A compact multi-map from a key to positions in the register array. Almost every key maps to one client, so the
/// common case is one dictionary entry holding an int; the rare shared key spills into a side dictionary. This keeps a
/// 1,000,000-client index small (architecture.md "State": the matching index is compact and loaded whole).
/// </summary>
internal sealed class KeyIndex<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _first;
    private readonly Dictionary<TKey, List<int>> _more;

    public KeyIndex(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _first = new Dictionary<TKey, int>(capacity, comparer);
        _more = new Dictionary<TKey, List<int>>(comparer);
    }

    public int Count => _first.Count;

    public void Add(TKey key, int position)
    {
        if (_first.TryAdd(key, position))
        {
            return;
        }

        if (!_more.TryGetValue(key, out var list))
        {
            list = [];
            _more.Add(key, list);
        }

        list.Add(position);
    }

    /// <summary>Appends every position under <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void CollectInto(TKey key, List<int> into)
    {
        if (!_first.TryGetValue(key, out var position))
        {
            return;
        }

        into.Add(position);
        if (_more.TryGetValue(key, out var list))
        {
            into.AddRange(list);
        }
    }
}
