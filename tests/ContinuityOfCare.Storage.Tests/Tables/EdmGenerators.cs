using FsCheck;
using FsCheck.Fluent;

namespace ContinuityOfCare.Storage.Tests.Tables;

/// <summary>FsCheck generators for every Edm type's full value range, shared by the JSON and Azurite round-trip properties.</summary>
internal static class EdmGenerators
{
    private static readonly long MinTicks = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
    private static readonly long MaxTicks = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).UtcTicks;

    private static Gen<long> AnyLong =>
        Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((long)t.Item1 << 32) | (uint)t.Item2);

    /// <summary>Strings of valid UTF-16 (no lone surrogates), including quotes, '%', XML/JSON specials, unicode and pairs.</summary>
    public static Gen<string> Strings =>
        Gen.Frequency(
                (3, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
                (1, Gen.Elements("'", "\"", "%", "%20", "&", "<", ">", "\\", "\n", "\t", "é", "日本", "🙂", "\u0000", "\uFFFD")),
                (1, Gen.Choose(0xA0, 0xD7FF).Select(c => ((char)c).ToString())))
            .ArrayOf()
            .Select(parts => string.Concat(parts));

    /// <summary>Any 32-bit integer.</summary>
    public static Gen<int> Int32s => Gen.Choose(int.MinValue, int.MaxValue);

    /// <summary>Any 64-bit integer, with the extremes.</summary>
    public static Gen<long> Int64s => Gen.Frequency((9, AnyLong), (1, Gen.Elements(long.MinValue, long.MaxValue, 0L, (long)int.MaxValue + 1)));

    /// <summary>Finite doubles across magnitudes, whole ones included.</summary>
    public static Gen<double> Doubles =>
        Gen.Frequency(
            (3, AnyLong.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
            (1, Gen.Choose(-1000, 1000).Select(i => (double)i)),
            (1, Gen.Elements(0.1, -0.0, double.MaxValue, double.Epsilon)));

    /// <summary>Instants anywhere in the Table service's range (1601–9999), at 100 ns precision.</summary>
    public static Gen<DateTimeOffset> Instants =>
        AnyLong.Select(bits => new DateTimeOffset(MinTicks + (long)((ulong)bits % (ulong)(MaxTicks - MinTicks)), TimeSpan.Zero));

    /// <summary>Byte arrays, empty included.</summary>
    public static Gen<byte[]> Binaries => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf();

    /// <summary>GUIDs from random bytes.</summary>
    public static Gen<Guid> Guids => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(16).Select(bytes => new Guid(bytes));

    /// <summary>Exact equality for Edm values (bytes by content, instants by UTC ticks, doubles bitwise except -0).</summary>
    public static bool SameValue(object expected, object actual) => (expected, actual) switch
    {
        (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
        (DateTimeOffset a, DateTimeOffset b) => a.UtcTicks == b.UtcTicks,
        (double a, double b) => a.Equals(b),
        _ => expected.Equals(actual),
    };
}
