using ContinuityOfCare.Storage.Tables;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

public sealed class ODataFilterTests
{
    public static TheoryData<object, string> Literals => new()
    {
        { "plain", "'plain'" },
        { "O'Brien", "'O''Brien'" },
        { "''", "''''''" },
        { string.Empty, "''" },
        { true, "true" },
        { false, "false" },
        { -7, "-7" },
        { 5_000_000_000L, "5000000000L" },
        { -1L, "-1L" },
        { 2.0, "2.0" },
        { 0.1, "0.1" },
        { 1e300, "1E+300" },
        { Guid.Parse("12345678-9abc-def0-1234-56789abcdef0"), "guid'12345678-9abc-def0-1234-56789abcdef0'" },
        { new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(1)).AddTicks(1234567), "datetime'2024-02-29T22:59:59.1234567Z'" },
        { new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), "datetime'2024-01-01T00:00:00.0000000Z'" },
        { new byte[] { 0x00, 0xAB, 0xFF }, "X'00abff'" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Literal_FormatsEachTypeAsOData(object value, string expected)
    {
        Assert.Equal(expected, ODataFilter.Literal(value));
    }

    [Fact]
    public void Create_FormatsEveryArgumentAsALiteral_AndKeepsTheFormatText()
    {
        var due = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);

        var filter = ODataFilter.Create($"PartitionKey eq {"team's"} and Due lt {due} and Count ge {3L} and Open eq {true}");

        Assert.Equal("PartitionKey eq 'team''s' and Due lt datetime'2025-01-01T09:00:00.0000000Z' and Count ge 3L and Open eq true", filter);
    }

    [Fact]
    public void Quote_AnyString_IsWrappedAndUnescapesBackToTheOriginal()
    {
        Prop.ForAll<string>(text =>
        {
            if (text is null)
            {
                return true;
            }

            var quoted = ODataFilter.Quote(text);
            var inner = quoted[1..^1];
            // Outside doubled pairs no lone quote may remain, or the literal would end early.
            return quoted[0] == '\'' && quoted[^1] == '\'' && inner.Replace("''", string.Empty, StringComparison.Ordinal).IndexOf('\'', StringComparison.Ordinal) < 0
                && inner.Replace("''", "'", StringComparison.Ordinal) == text;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Literal_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ODataFilter.Literal(null!));
    }

    [Fact]
    public void Quote_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ODataFilter.Quote(null!));
    }

    [Fact]
    public void Create_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ODataFilter.Create(null!));
    }

    [Fact]
    public void Create_NullArgument_Throws()
    {
        string? missing = null;
        Assert.Throws<ArgumentNullException>(() => ODataFilter.Create($"A eq {missing}"));
    }

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Literal_UnsupportedValue_Throws(object value)
    {
        Assert.Throws<ArgumentException>(() => ODataFilter.Literal(value));
    }

    public static TheoryData<object> Unsupported => new()
    {
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Local),
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        double.NaN,
        double.PositiveInfinity,
        3.5m,
        new object(),
    };
}
