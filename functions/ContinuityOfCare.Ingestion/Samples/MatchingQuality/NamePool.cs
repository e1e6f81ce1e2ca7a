namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>
/// A list of names drawn with a shifted Zipf law, p(k) ∝ 1 / (k + shift) for the k-th most common name
/// (docs/benchmarks.md "Matching quality"): a few names are common, most are rare, as in a real population. The shift
/// sets how common the most common name is; it is chosen so that the chance two people share a name is close to the
/// population's.
/// </summary>
internal sealed class NamePool
{
    private readonly string[] _names;
    private readonly double[] _cumulative;

    public NamePool(IReadOnlyList<string> names, double shift)
    {
        _names = [.. names];
        _cumulative = new double[_names.Length];
        var total = 0.0;
        for (var k = 0; k < _names.Length; k++)
        {
            total += 1 / (k + 1 + shift);
            _cumulative[k] = total;
        }

        for (var k = 0; k < _cumulative.Length; k++)
        {
            _cumulative[k] /= total;
        }
    }

    public string Draw(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _names[Math.Min(index < 0 ? ~index : index, _names.Length - 1)];
    }

    /// <summary>Real names first (the most common), then made-up names from syllables until <paramref name="count"/>.</summary>
    public static IReadOnlyList<string> WithInventedTail(IReadOnlyList<string> real, int count, string[] starts, string[] middles, string[] ends)
    {
        var names = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in real)
        {
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        // Mixed radix over start × middle × (no second middle or one) × end: every index gives a different spelling.
        var capacity = (long)starts.Length * middles.Length * (middles.Length + 1) * ends.Length;
        for (long i = 0; names.Count < count; i++)
        {
            if (i >= capacity)
            {
                throw new InvalidOperationException("too few syllables for the number of invented names asked for");
            }

            var start = starts[i % starts.Length];
            var middle = middles[i / starts.Length % middles.Length];
            var second = (i / (starts.Length * middles.Length)) % (middles.Length + 1);
            var end = ends[i / (starts.Length * middles.Length * (middles.Length + 1)) % ends.Length];
            var name = start + middle + (second == 0 ? string.Empty : middles[second - 1]) + end;
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
