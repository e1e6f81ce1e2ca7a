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
        [new PersonParticulars("Marsh", "Gemma", new LocalDate(1990, 11, 2)), new PersonParticulars("Hall", "James", new LocalDate(2026, 12, 24))]);

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

    /// <summary>
    /// A stranger's value that lies wholly inside a client's value on the client's own Alert Form is the client's (the
    /// stranger James Hall inside the client Daniel James Hall); the same stranger's name on its own is a leak there too.
    /// </summary>
    [Theory]
    [InlineData("Client: Daniel James Hall, born 14/03/1985", 0)]
    [InlineData("Client: Daniel James Hall; also listed: James Hall", 1)]
    public void Scan_StrangerValueInsideAClientsLongerValue_IsTheClients(string text, int leaks)
    {
        var scan = new PrivacyScan(Data);
        scan.Search("Alert Form body", "test", text, clientsAllowed: true);
        Assert.Equal(leaks, scan.Leaks.Count);
    }

    [Fact]
    public void Scan_StrangerValueInsideAClientsLongerValue_IsStillALeakWhereClientsAreNotAllowed()
    {
        var scan = new PrivacyScan(Data);
        scan.Search("log line", "test", "Routed Daniel James Hall", clientsAllowed: false);
        Assert.Contains(scan.Leaks, leak => leak.StartsWith("STRANGER", StringComparison.Ordinal));
    }

    /// <summary>An instant the hub recorded (with a time of day) is not searched; a date-only value and text are.</summary>
    [Fact]
    public void Scan_TableInstantWithATimeOfDay_IsNotADateOfBirth()
    {
        Assert.Null(PrivacyScan.TableValueText(new DateTimeOffset(2026, 12, 24, 17, 8, 20, TimeSpan.Zero)));
        Assert.NotNull(PrivacyScan.TableValueText(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("12/24/2026", PrivacyScan.TableValueText("12/24/2026"));
        var scan = new PrivacyScan(Data);
        scan.Search("table value", "test", PrivacyScan.TableValueText(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero))!, clientsAllowed: false);
        Assert.Single(scan.Leaks);
    }
}
