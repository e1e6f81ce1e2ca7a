using System.Text;
using ContinuityOfCare.Core.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Identifiers;

/// <summary>
/// docs/benchmarks.md "Planning": a columnar register keeps identifiers packed into integers. Unpacking must give
/// exactly the identifier the parsers make for the same value, and the written text must be its canonical form.
/// </summary>
public class CompactIdentifiersTests
{
    [Fact]
    public void DomainMatching_PackedPnc_UnpacksToTheSamePncId()
    {
        Prop.ForAll(Gen.Choose(1939, 2038).ToArbitrary(), Gen.Choose(0, 9_999_999).ToArbitrary(), (year, serial) =>
        {
            var expected = PncId.Create(year, serial);
            var packed = CompactIdentifiers.PackPnc(year, serial);
            Span<char> text = stackalloc char[CompactIdentifiers.PncLength];
            CompactIdentifiers.FormatPnc(packed, text);
            return CompactIdentifiers.Pnc(packed) == expected && text.SequenceEqual(expected.Value)
                && CompactIdentifiers.PncCheck(year, serial) == expected.Value[^1];
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_PackedCro_UnpacksToTheSameCroNumber()
    {
        Prop.ForAll(Gen.Choose(0, 99).ToArbitrary(), Gen.Choose(0, 999_999).ToArbitrary(), (year, serial) =>
        {
            var expected = CroNumber.Create(year, serial);
            var packed = CompactIdentifiers.PackCro(year, serial);
            Span<char> text = stackalloc char[CompactIdentifiers.CroLength];
            CompactIdentifiers.FormatCro(packed, text);
            return CompactIdentifiers.Cro(packed) == expected && text.SequenceEqual(expected.Value)
                && CompactIdentifiers.CroCheck(year, serial) == expected.Value[^1];
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_PackedNoms_IsPackedOnlyWhenCanonicalAndUnpacksToTheSameNomsNumber()
    {
        var nomsLike = Gen.Elements('A', 'B', 'Z', 'a', '0', '1', '9', ' ', '/').ArrayOf().Select(chars => new string(chars));
        var canonical =
            from first in Gen.Choose('A', 'Z')
            from digits in Gen.Choose(0, 9_999)
            from fifth in Gen.Choose('A', 'Z')
            from sixth in Gen.Choose('A', 'Z')
            select $"{(char)first}{digits:0000}{(char)fifth}{(char)sixth}";
        Prop.ForAll(Gen.OneOf(nomsLike, canonical).ToArbitrary(), text =>
        {
            var packed = CompactIdentifiers.TryPackNoms(Encoding.ASCII.GetBytes(text), out var value);
            var isCanonical = NomsNumber.TryParse(text, out var expected, out _) && expected.Value == text;
            if (!packed)
            {
                return !isCanonical;
            }

            Span<char> written = stackalloc char[CompactIdentifiers.NomsLength];
            CompactIdentifiers.FormatNoms(value, written);
            return isCanonical && CompactIdentifiers.Noms(value) == expected && written.SequenceEqual(text);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_NoPackedIdentifier_UnpacksToNone()
    {
        Assert.Null(CompactIdentifiers.Pnc(CompactIdentifiers.None));
        Assert.Null(CompactIdentifiers.Cro(CompactIdentifiers.None));
        Assert.Null(CompactIdentifiers.Noms(CompactIdentifiers.None));
    }
}
