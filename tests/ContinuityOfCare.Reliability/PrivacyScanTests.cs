using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Reliability.Support;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Reliability;

/// <summary>The privacy scanner's matching on its own (no I/O): it finds a value in any case and spelling, and not inside a longer token.</summary>
public sealed class PrivacyScanTests
{
    private static readonly PncId Pnc = PncId.Create(2012, 1234);

    private static readonly PersonalData Data = PersonalData.From(
        [new Client("CL000001", "Hall", "Daniel James", new LocalDate(1985, 3, 14), "male", Pnc, null, null, "LS6 2AB", null, null, null, Consent.None, null, false)],
        [new PersonParticulars("Marsh", "Gemma", new LocalDate(1990, 11, 2))]);

    [Theory]
    [InlineData("Routed DANIEL HALL today", true)]
    [InlineData("name=Hall, Daniel", true)]
    [InlineData("dob 1985-03-14", true)]
    [InlineData("dob 14/03/1985", true)]
    [InlineData("dob 14 Mar 1985", true)]
    [InlineData("postcode ls62ab", true)]
    [InlineData("ticks 6391985031400000", false)]
    [InlineData("Hall booked for Daniel tomorrow", false)]
    [InlineData("obligation 19850314x7", false)]
    public void Scan_ClientValue_FoundInAnySpellingOutsideTheFormsNeverInsideALongerToken(string text, bool leak)
    {
        var scan = new PrivacyScan(Data);
        scan.Search("log line", "test", text, clientsAllowed: false);
        Assert.Equal(leak, scan.Leaks.Count > 0);
    }

    [Fact]
    public void Scan_PncWithAndWithoutSeparators_IsFound()
    {
        foreach (var text in new[] { Pnc.Value, Pnc.Value.Replace("/", "", StringComparison.Ordinal) })
        {
            var scan = new PrivacyScan(Data);
            scan.Search("log line", "test", "pnc " + text, clientsAllowed: false);
            Assert.Single(scan.Leaks);
        }
    }

    [Fact]
    public void Scan_ClientInAnAlertFormBody_IsAllowedButAStrangerNever()
    {
        var scan = new PrivacyScan(Data);
        scan.Search("Alert Form body", "test", "Client: Daniel Hall, born 14/03/1985", clientsAllowed: true);
        Assert.Empty(scan.Leaks);
        scan.Search("Alert Form body", "test", "Also listed: Gemma Marsh, 02/11/1990", clientsAllowed: true);
        Assert.Equal(2, scan.Leaks.Count);
        Assert.All(scan.Leaks, leak => Assert.StartsWith("STRANGER", leak, StringComparison.Ordinal));
    }
}
