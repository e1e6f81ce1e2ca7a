using System.Text;

namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>
/// A seeded generator of hostile variants of a valid file (the same seed gives the same cases, so a failure names a case
/// that can be replayed): truncation at structural points, random byte flips, invalid UTF-8, UTF-16 with a BOM, NUL bytes,
/// a 1 MB cell, 100,000 columns, an unterminated quote, 10,000 levels of nesting, numbers where strings belong and
/// duplicate keys (JSON), and rows duplicated or shuffled.
/// </summary>
internal sealed class HostileInputs(byte[] seed, bool isJson, int randomSeed)
{
    /// <summary>Where a truncation hurts most: at a delimiter, quote, bracket or line end.</summary>
    private static readonly byte[] Structural = "{}[]:\",\n"u8.ToArray();
    private readonly Random _random = new(randomSeed);

    /// <summary><paramref name="count"/> variants: every kind in turn, truncations spread over the whole file.</summary>
    public IEnumerable<HostileCase> Generate(int count)
    {
        var structuralPoints = Enumerable.Range(0, seed.Length).Where(i => Array.IndexOf(Structural, seed[i]) >= 0).ToArray();
        var kinds = new Func<int, HostileCase>[]
        {
            i => Truncate(structuralPoints[i * 7919 % structuralPoints.Length] + (i % 2)),
            _ => Flip(),
            _ => InvalidUtf8(),
            _ => Nul(),
            _ => Quote(),
            _ => isJson ? NumberForString() : ExtraCells(),
            _ => isJson ? DuplicateKey() : ShuffledRows(),
            _ => Splice(),
        };
        yield return new HostileCase("empty file", []);
        yield return new HostileCase("only a BOM", [0xEF, 0xBB, 0xBF]);
        yield return new HostileCase("UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(seed))]);
        yield return new HostileCase("UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(seed))]);
        yield return OneMegabyteCell();
        yield return HundredThousandColumns();
        yield return DeepNesting();
        for (var i = 7; i < count; i++)
        {
            yield return kinds[i % kinds.Length](i / kinds.Length);
        }
    }

    private HostileCase Truncate(int at) => new($"truncated at byte {Math.Min(at, seed.Length)}", seed[..Math.Min(at, seed.Length)]);

    private HostileCase Flip()
    {
        var bytes = (byte[])seed.Clone();
        var flips = _random.Next(1, 9);
        for (var i = 0; i < flips; i++)
        {
            bytes[_random.Next(bytes.Length)] ^= (byte)_random.Next(1, 256);
        }

        return new HostileCase($"{flips} random byte flip(s)", bytes);
    }

    private HostileCase InvalidUtf8()
    {
        byte[][] invalid = [[0xFF], [0xC3, 0x28], [0x80], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0xED, 0xA0, 0x80]];
        var pick = invalid[_random.Next(invalid.Length)];
        return Insert("invalid UTF-8", pick);
    }

    private HostileCase Nul() => Insert("NUL byte(s)", new byte[_random.Next(1, 4)]);

    private HostileCase Quote() => Insert("an unterminated quote", "\""u8.ToArray());

    private HostileCase Insert(string kind, byte[] insert)
    {
        var at = _random.Next(seed.Length + 1);
        return new HostileCase($"{kind} at byte {at}", [.. seed.AsSpan(0, at), .. insert, .. seed.AsSpan(at)]);
    }

    /// <summary>A JSON string value replaced by a number, object or array where a string belongs.</summary>
    private HostileCase NumberForString()
    {
        var text = Encoding.UTF8.GetString(seed);
        var colonQuote = IndexesOf(text, ": \"").Concat(IndexesOf(text, ":\"")).ToArray();
        if (colonQuote.Length == 0)
        {
            return Flip();
        }

        var start = text.IndexOf('"', colonQuote[_random.Next(colonQuote.Length)]);
        var end = text.IndexOf('"', start + 1);
        string[] replacements = ["12345", "-1e309", "true", "null", "{}", "[1,2]", "0.5"];
        var replacement = replacements[_random.Next(replacements.Length)];
        return new HostileCase($"{replacement} where a string belongs at char {start}", Encoding.UTF8.GetBytes(text[..start] + replacement + text[(end + 1)..]));
    }

    /// <summary>One JSON line holding a property repeated (a duplicate key in its object).</summary>
    private HostileCase DuplicateKey()
    {
        var lines = Encoding.UTF8.GetString(seed).Split('\n');
        var properties = Enumerable.Range(0, lines.Length).Where(i => lines[i].TrimStart().StartsWith('"') && lines[i].TrimEnd().EndsWith(',')).ToArray();
        if (properties.Length == 0)
        {
            return Flip();
        }

        var line = properties[_random.Next(properties.Length)];
        var copy = lines.ToList();
        copy.Insert(line, lines[line]);
        return new HostileCase($"duplicate key at line {line + 1}", Encoding.UTF8.GetBytes(string.Join('\n', copy)));
    }

    private HostileCase ExtraCells()
    {
        var lines = Encoding.UTF8.GetString(seed).Split('\n');
        var line = _random.Next(lines.Length);
        lines[line] += new string(',', _random.Next(1, 5));
        return new HostileCase($"extra cells on line {line + 1}", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }

    private HostileCase ShuffledRows()
    {
        var lines = Encoding.UTF8.GetString(seed).Split('\n').ToList();
        var header = lines[0];
        var rows = lines.Skip(1).OrderBy(_ => _random.Next()).ToList();
        rows.Insert(_random.Next(rows.Count + 1), header);
        return new HostileCase("rows shuffled and the header repeated", Encoding.UTF8.GetBytes(string.Join('\n', [header, .. rows])));
    }

    /// <summary>A random slice of the file pasted at a random place (half a record inside another).</summary>
    private HostileCase Splice()
    {
        var from = _random.Next(seed.Length);
        var length = _random.Next(1, Math.Min(400, seed.Length - from) + 1);
        var at = _random.Next(seed.Length + 1);
        return new HostileCase($"{length} bytes from {from} pasted at {at}", [.. seed.AsSpan(0, at), .. seed.AsSpan(from, length), .. seed.AsSpan(at)]);
    }

    private HostileCase OneMegabyteCell()
    {
        var big = new string('A', 1024 * 1024);
        var text = Encoding.UTF8.GetString(seed);
        if (isJson)
        {
            var start = text.IndexOf(": \"", StringComparison.Ordinal) is var i and >= 0 ? i + 3 : text.IndexOf(":\"", StringComparison.Ordinal) + 2;
            return new HostileCase("a 1 MB string value", Encoding.UTF8.GetBytes(text[..start] + big + text[start..]));
        }

        var secondLine = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        return new HostileCase("a 1 MB cell", Encoding.UTF8.GetBytes(text[..secondLine] + big + text[secondLine..]));
    }

    private HostileCase HundredThousandColumns()
    {
        var text = Encoding.UTF8.GetString(seed);
        if (isJson)
        {
            var keys = string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"\"k{i}\":{i}"));
            return new HostileCase("an object with 100,000 keys", Encoding.UTF8.GetBytes(text.TrimEnd()[..^1] + "," + keys + "}"));
        }

        var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
        var columns = string.Concat(Enumerable.Range(0, 100_000).Select(i => $",c{i}"));
        return new HostileCase("100,000 columns", Encoding.UTF8.GetBytes(text[..firstLine] + columns + text[firstLine..]));
    }

    private static HostileCase DeepNesting() =>
        new("10,000 levels of nesting", Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));

    private static IEnumerable<int> IndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
