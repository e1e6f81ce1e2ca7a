namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// A compact, read-only multi-map from a 64-bit key hash to positions in the register, built in one go from every key
/// (architecture.md "State": the matching index is compact and loaded whole). The keys are bucketed by the top bits of
/// their Fibonacci hash (about one key per bucket) with a counting sort: one array of bucket starts, one of keys and
/// one of positions — 16 bytes per entry for a register of a million, no per-entry objects, no empty slots to skip, and
/// a build of two sequential passes rather than a million random probes (docs/benchmarks.md "Planning"). The sort is
/// stable, so the positions of one key come back in the order they were given (register order). Keys are hashes:
/// every hit is a candidate the caller verifies against the client itself, so a collision can never produce a match.
/// </summary>
internal sealed class HashMultiIndex
{
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;
    private readonly int[] _starts;
    private readonly ulong[] _keys;
    private readonly int[] _positions;
    private readonly int _shift;

    private HashMultiIndex(int[] starts, ulong[] keys, int[] positions, int shift)
    {
        _starts = starts;
        _keys = keys;
        _positions = positions;
        _shift = shift;
    }

    public int Count => _keys.Length;

    /// <summary>
    /// Indexes <paramref name="keys"/>: entry <c>i</c> stands for position <paramref name="positions"/>[i], or for
    /// position <c>i</c> itself when <paramref name="positions"/> is empty. Positions must be given in register order.
    /// </summary>
    public static HashMultiIndex Build(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> positions)
    {
        if (!positions.IsEmpty && positions.Length != keys.Length)
        {
            throw new ArgumentException("one position per key, or none", nameof(positions));
        }

        var bits = 4;
        while ((1L << bits) < keys.Length)
        {
            bits++;
        }

        var shift = 64 - bits;
        var buckets = 1 << bits;

        // Counting sort: sizes, then running ends, then each entry placed from the back so that equal keys keep their
        // order and each bucket's end becomes its start.
        var starts = new int[buckets + 1];
        foreach (var key in keys)
        {
            starts[Bucket(key, shift)]++;
        }

        var running = 0;
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            running += starts[bucket];
            starts[bucket] = running;
        }

        starts[buckets] = keys.Length;
        var sortedKeys = new ulong[keys.Length];
        var sortedPositions = new int[keys.Length];
        for (var i = keys.Length - 1; i >= 0; i--)
        {
            var key = keys[i];
            var slot = --starts[Bucket(key, shift)];
            sortedKeys[slot] = key;
            sortedPositions[slot] = positions.IsEmpty ? i : positions[i];
        }

        return new HashMultiIndex(starts, sortedKeys, sortedPositions, shift);
    }

    /// <summary>Appends every position stored under <paramref name="key"/> to <paramref name="into"/>, in register order.</summary>
    public void CollectInto(ulong key, List<int> into)
    {
        var bucket = Bucket(key, _shift);
        var end = _starts[bucket + 1];
        for (var i = _starts[bucket]; i < end; i++)
        {
            if (_keys[i] == key)
            {
                into.Add(_positions[i]);
            }
        }
    }

    private static int Bucket(ulong key, int shift) => (int)((key * Fibonacci) >> shift);
}
