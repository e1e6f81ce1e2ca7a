using ContinuityOfCare.Core.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Identifiers;

/// <summary>docs/domain.md "Matching": PNC <c>YYYY/NNNNNNNC</c>, check character <c>"ZABCDEFGHJKLMNPQRTUVWXY"[(YY·10⁷ + serial) mod 23]</c>; short form canonicalised; 39–99 are 19xx.</summary>
public class PncIdTests
{
    private const string Alphabet = "ZABCDEFGHJKLMNPQRTUVWXY";

    [Theory]
    [InlineData("2004/0046583U", "2004/0046583U")] // canonical long form
    [InlineData("04/46583U", "2004/0046583U")] // short form, leading zeros omitted
    [InlineData("04/0046583U", "2004/0046583U")]
    [InlineData("99/1234567B", "1999/1234567B")] // 99 → 1999
    [InlineData("39/1U", "1939/0000001U")] // 39 is the first 19xx year
    [InlineData("38/7K", "2038/0000007K")] // 38 is the last 20xx year
    [InlineData("00/0Z", "2000/0000000Z")]
    [InlineData(" 2004/0046583u ", "2004/0046583U")] // case and surrounding spaces tolerated
    public void DomainMatching_ValidPnc_ParsesToCanonicalLongForm(string text, string canonical)
    {
        Assert.True(PncId.TryParse(text, out var pnc, out var error), error);
        Assert.Equal(canonical, pnc.Value);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("2004/0046583V", "PNC id check character is wrong")]
    [InlineData("04/46583A", "PNC id check character is wrong")]
    [InlineData("PNC12345", "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC")]
    [InlineData("2004-0046583U", "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC")]
    [InlineData("2004/12345678U", "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC")]
    [InlineData("204/0046583U", "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC")]
    [InlineData("", "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC")]
    [InlineData(null, "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC")]
    public void DomainMatching_InvalidPnc_IsRejectedWithAReasonThatDoesNotQuoteIt(string? text, string reason)
    {
        Assert.False(PncId.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
        if (!string.IsNullOrEmpty(text))
        {
            Assert.DoesNotContain(text.Trim(), error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void DomainMatching_CreateThenTryParse_RoundTrips()
    {
        Prop.ForAll(Gen.Choose(1939, 2038).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), (year, serial) =>
        {
            var created = PncId.Create(year, serial);
            return PncId.TryParse(created.Value, out var parsed, out _) && parsed == created;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_ShortForm_CanonicalisesToTheLongForm()
    {
        Prop.ForAll(Gen.Choose(1939, 2038).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), (year, serial) =>
        {
            var created = PncId.Create(year, serial);
            var shortForm = $"{year % 100:00}/{serial}{created.Value[^1]}";
            return PncId.TryParse(shortForm, out var parsed, out _) && parsed.Value == created.Value;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_TwoDigitYears39To99_Are19xxAndBelow39Are20xx()
    {
        Prop.ForAll(Gen.Choose(0, 99).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), (yy, serial) =>
        {
            var check = Alphabet[(int)(((yy * 10_000_000L) + serial) % 23)];
            var expectedYear = yy >= 39 ? 1900 + yy : 2000 + yy;
            return PncId.TryParse($"{yy:00}/{serial}{check}", out var parsed, out _) && parsed.Value.StartsWith($"{expectedYear}/", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_AnyOtherCheckCharacter_IsRejected()
    {
        Prop.ForAll(Gen.Choose(1939, 2038).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), Gen.Elements(Alphabet.ToCharArray()).ToArbitrary(), (year, serial, wrong) =>
        {
            var created = PncId.Create(year, serial);
            if (created.Value[^1] == wrong)
            {
                return true;
            }

            var tampered = created.Value[..^1] + wrong;
            return !PncId.TryParse(tampered, out _, out var error) && error == "PNC id check character is wrong";
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1938, 0)]
    [InlineData(2039, 0)]
    [InlineData(2000, -1)]
    [InlineData(2000, 10_000_000)]
    public void Create_OutOfRange_Throws(int year, long serial) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PncId.Create(year, serial));
}
