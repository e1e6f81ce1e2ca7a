namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// A compact open-addressing multi-map from a 64-bit key hash to positions in the register array (linear probing,
/// Fibonacci hashing, sized once to at least twice the entries). It stores one flat array of (key, position) pairs —
/// no per-entry objects, no overflow lists, and one cache line touched per probe rather than one per array — so building it for a 1,000,000-client register is a few tens of milliseconds and a few tens of
/// megabytes (architecture.md "State": the matching index is compact and loaded whole). Keys are hashes: every hit is
/// a candidate the caller verifies against the client itself, so a collision can never produce a match.
/// </summary>
internal sealed class HashMultiIndex
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;
    private readonly Entry[] _entries;
    private readonly int _shift;
    private readonly int _mask;

    public HashMultiIndex(int expectedEntries)
    {
        var bits = 4;
        while ((1L << bits) < 2L * Math.Max(expectedEntries, 1))
        {
            bits++;
        }

        _entries = new Entry[1 << bits];
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
    }

    public int Count { get; private set; }

    public void Add(ulong key, int position)
    {
        if (Count >= _entries.Length / 2)
        {
            throw new InvalidOperationException("the index was sized for fewer entries");
        }

        var slot = Slot(key);
        while (_entries[slot].PositionPlusOne != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _entries[slot] = new Entry(key, position + 1);
        Count++;
    }

    /// <summary>Appends every position stored under <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void CollectInto(ulong key, List<int> into)
    {
        var slot = Slot(key);
        while (_entries[slot] is { PositionPlusOne: not 0 } entry)
        {
            if (entry.Key == key)
            {
                into.Add(entry.PositionPlusOne - 1);
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(ulong key) => (int)((key * Fibonacci) >> _shift);

    private readonly record struct Entry(ulong Key, int PositionPlusOne);
}
