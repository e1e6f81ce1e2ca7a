using ContinuityOfCare.Core.Matching;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>docs/domain.md "Matching" step 2: equal after normalisation of case, accents, hyphens, apostrophes, extra spaces.</summary>
public class NameNormaliserTests
{
    [Theory]
    [InlineData("smith", "SMITH")]
    [InlineData("  Smith   Jones ", "SMITH JONES")]
    [InlineData("Smith-Jones", "SMITH JONES")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("O’Brien", "OBRIEN")]
    [InlineData("Zoë", "ZOE")]
    [InlineData("Ångström", "ANGSTROM")]
    [InlineData("José-María", "JOSE MARIA")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Matching_step2_normalises_case_accents_hyphens_apostrophes_spaces(string? input, string expected) =>
        Assert.Equal(expected, NameNormaliser.Normalise(input));
}
