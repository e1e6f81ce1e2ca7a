namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// A compact open-addressing multi-map from a 64-bit key hash to positions in the register array (linear probing,
/// Fibonacci hashing, sized once to at least twice the entries). It stores two flat arrays — no per-entry objects, no
/// overflow lists — so building it for a 1,000,000-client register is a few tens of milliseconds and a few tens of
/// megabytes (architecture.md "State": the matching index is compact and loaded whole). Keys are hashes: every hit is
/// a candidate the caller verifies against the client itself, so a collision can never produce a match.
/// </summary>
internal sealed class HashMultiIndex
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;
    private readonly ulong[] _keys;
    private readonly int[] _positionsPlusOne;
    private readonly int _shift;
    private readonly int _mask;

    public HashMultiIndex(int expectedEntries)
    {
        var bits = 4;
        while ((1L << bits) < 2L * Math.Max(expectedEntries, 1))
        {
            bits++;
        }

        _keys = new ulong[1 << bits];
        _positionsPlusOne = new int[1 << bits];
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
    }

    public int Count { get; private set; }

    public void Add(ulong key, int position)
    {
        if (Count >= _keys.Length / 2)
        {
            throw new InvalidOperationException("the index was sized for fewer entries");
        }

        var slot = Slot(key);
        while (_positionsPlusOne[slot] != 0)
        {
            slot = (slot + 1) & _mask;
        }

        _keys[slot] = key;
        _positionsPlusOne[slot] = position + 1;
        Count++;
    }

    /// <summary>Appends every position stored under <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void CollectInto(ulong key, List<int> into)
    {
        var slot = Slot(key);
        while (_positionsPlusOne[slot] is var stored && stored != 0)
        {
            if (_keys[slot] == key)
            {
                into.Add(stored - 1);
            }

            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(ulong key) => (int)((key * Fibonacci) >> _shift);
}
