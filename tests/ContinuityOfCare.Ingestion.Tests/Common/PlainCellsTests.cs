using System.Globalization;
using System.Text;
using ContinuityOfCare.Ingestion.Common;
using FsCheck;
using FsCheck.Fluent;
using NodaTime.Text;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>
/// The parsers' allocation-free fast paths (docs/benchmarks.md "Planning") must agree with the general string paths
/// they short-cut: a fast check may only accept what the general path accepts, with the same value.
/// </summary>
public class PlainCellsTests
{
    private static readonly Gen<string> DateLike =
        Gen.OneOf(
            from year in Gen.Choose(0, 9_999)
            from month in Gen.Choose(0, 13)
            from day in Gen.Choose(0, 32)
            select string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}-{day:00}"),
            Gen.Elements('0', '1', '2', '9', '-', '/', ' ', 'x').ArrayOf().Select(chars => new string(chars)));

    private static readonly Gen<string> PostcodeLike =
        Gen.Elements('L', 'S', 'l', 's', 'E', 'C', '1', '6', '2', '0', 'A', 'b', ' ', ' ', '\t').ArrayOf().Select(chars => new string(chars));

    private static readonly Gen<string> AsciiText =
        Gen.Choose(0x00, 0x7F).Select(c => (char)c).ArrayOf().Select(chars => new string(chars));

    [Fact]
    public void FormatsCsvDates_FastIsoDate_AgreesWithTheNodaTimeIsoPattern()
    {
        Prop.ForAll(DateLike.ToArbitrary(), text =>
        {
            var expected = LocalDatePattern.Iso.Parse(text.Trim());
            var fastBytes = PlainCells.TryParseIsoDate(Encoding.ASCII.GetBytes(text), out var fromBytes);
            var viaInputDates = InputDates.TryParseIsoDate(text, out var fromText);
            return viaInputDates == expected.Success
                && (!viaInputDates || fromText == expected.Value)
                && (!fastBytes || (expected.Success && fromBytes == expected.Value));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RoutingHomeCjit_FastAsciiPostcode_AgreesWithTryNormalise()
    {
        Prop.ForAll(PostcodeLike.ToArbitrary(), text =>
        {
            Span<char> buffer = stackalloc char[Postcodes.MaxNormalisedLength];
            var fast = Postcodes.TryNormaliseAscii(Encoding.ASCII.GetBytes(text), buffer, out var length);
            var general = Postcodes.TryNormalise(text, out var postcode);
            return fast == general && (!fast || buffer[..length].SequenceEqual(postcode));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void FormatsCsv_PlainText_IsLeftUnchangedByCleaning()
    {
        Prop.ForAll(AsciiText.ToArbitrary(), text =>
            !PlainCells.IsPlainText(Encoding.ASCII.GetBytes(text)) || RecordProblems.Clean(text) == text).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("Taylor", true)]
    [InlineData("Dean Anthony", true)]
    [InlineData("Dean  Anthony", false)]
    [InlineData(" Dean", false)]
    [InlineData("Dean\t", false)]
    [InlineData("Zoë", false)]
    [InlineData("", false)]
    public void FormatsCsv_PlainText_OnlyPrintableAsciiWithSingleInnerSpaces(string text, bool plain) =>
        Assert.Equal(plain, PlainCells.IsPlainText(Encoding.UTF8.GetBytes(text)));
}
