using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Rendering;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>docs/domain.md "Consent and data minimisation": a subject carries a reference, never a name, DOB or identifier.</summary>
public sealed class SubjectGuardTests
{
    private static readonly AlertClientDetails Client = new("CL-000042", "Jordan O'Neil-Smith", new LocalDate(1988, 3, 14), "A1234BC", "2012/0123456X");

    [Theory]
    [InlineData("Alert Form CC-1: Jordan transferred", "name")]
    [InlineData("Alert Form CC-1: o'neil-smith released", "name")]
    [InlineData("Alert Form CC-1: born 1988-03-14", "date of birth")]
    [InlineData("Alert Form CC-1: born 14/03/1988", "date of birth")]
    [InlineData("Alert Form CC-1: born 14 Mar 1988", "date of birth")]
    [InlineData("Alert Form CC-1: A1234BC moved", "identifier")]
    [InlineData("Alert Form CC-1: pnc 20120123456X", "identifier")]
    [InlineData("Alert Form CC-1: case CL-000042", "identifier")]
    public void ConsentAndDataMinimisation_SubjectWithPersonalDataIsCaught(string subject, string kind)
    {
        Assert.Contains(kind, SubjectGuard.Findings(subject, Client));
        Assert.False(SubjectGuard.IsFreeOfPersonalData(subject, Client));
    }

    [Theory]
    [InlineData("Alert Form CC-2026-000123: transferred (HMP Leeds → HMP Wakefield)")]
    [InlineData("Alert Form CC-2026-000124: released (HMP Jordanstown)")]
    public void ConsentAndDataMinimisation_ReferenceAndKindOfChangePass(string subject) =>
        Assert.True(SubjectGuard.IsFreeOfPersonalData(subject, Client));

    [Fact]
    public void ConsentAndDataMinimisation_FindingsNameKindsNeverValues() =>
        Assert.Equal(["name", "date of birth", "identifier"], SubjectGuard.Findings("Jordan 1988-03-14 A1234BC", Client));
}
