using Azure.Data.Tables;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Reliability.Support;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Reliability;

/// <summary>
/// The privacy scanner on its own (no I/O): it finds a value in any case, spelling and escaping, and not inside a longer
/// token; and it allows a value only where docs/reliability.md part 5 says it may be — a client's in that client's own
/// forms and register row, a near miss's and a stranger's nowhere.
/// </summary>
public sealed class PrivacyScanTests
{
    private const string Hall = "CL000001";
    private const string OBrien = "CL000002";
    private const string HallAlert = "0123456789abcdef0123456789abcdef";
    private const string OBrienAlert = "fedcba9876543210fedcba9876543210";
    private static readonly PncId Pnc = PncId.Create(2012, 1234);
    private static readonly Dictionary<string, string> AlertClients = new(StringComparer.Ordinal) { [HallAlert] = Hall, [OBrienAlert] = OBrien };

    /// <summary>Two clients; a stranger; a stranger whose name lies inside a client's; a near miss of Daniel Hall (same name, another date of birth).</summary>
    private static readonly PersonalData Data = PersonalData.From(
        [
            new Client(Hall, "Hall", "Daniel James", new LocalDate(1985, 3, 14), "male", Pnc, null, null, "LS6 2AB", null, null, null, Consent.None, null, false),
            new Client(OBrien, "O'Brien", "Siobhan", new LocalDate(1972, 7, 9), "female", null, null, null, "BD7 1AY", null, null, null, Consent.None, null, false),
        ],
        [
            new PersonParticulars("Marsh", "Gemma", new LocalDate(1990, 11, 2)), new PersonParticulars("Hall", "James", new LocalDate(2026, 12, 24)),
            new PersonParticulars("Hall", "Daniel", new LocalDate(1979, 6, 30)),
        ]);

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
        scan.Search("log line", "test", text, PrivacyAllowance.Nobody);
        Assert.Equal(leak, scan.Leaks.Count > 0);
    }

    [Fact]
    public void Scan_PncWithAndWithoutSeparators_IsFound()
    {
        foreach (var text in new[] { Pnc.Value, Pnc.Value.Replace("/", "", StringComparison.Ordinal) })
        {
            var scan = new PrivacyScan(Data);
            scan.Search("log line", "test", "pnc " + text, PrivacyAllowance.Nobody);
            Assert.Single(scan.Leaks);
        }
    }

    [Fact]
    public void Scan_ClientInAnAlertFormBody_IsAllowedButAStrangerNever()
    {
        var scan = new PrivacyScan(Data);
        scan.Search("Alert Form body", "test", "Client: Daniel Hall, born 14/03/1985", PrivacyAllowance.OfClient(Hall));
        Assert.Empty(scan.Leaks);
        scan.Search("Alert Form body", "test", "Also listed: Gemma Marsh, 02/11/1990", PrivacyAllowance.OfClient(Hall));
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
        scan.Search("Alert Form body", "test", text, PrivacyAllowance.OfClient(Hall));
        Assert.Equal(leaks, scan.Leaks.Count);
    }

    [Fact]
    public void Scan_StrangerValueInsideAClientsLongerValue_IsStillALeakWhereClientsAreNotAllowed()
    {
        var scan = new PrivacyScan(Data);
        scan.Search("log line", "test", "Routed Daniel James Hall", PrivacyAllowance.Nobody);
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
        scan.Search("table value", "test", PrivacyScan.TableValueText(new DateTimeOffset(2026, 12, 24, 0, 0, 0, TimeSpan.Zero))!, PrivacyAllowance.Nobody);
        Assert.Single(scan.Leaks);
    }

    private static IReadOnlyList<string> Leaks(string kind, string text, PrivacyAllowance allowance)
    {
        var scan = new PrivacyScan(Data);
        scan.Search(kind, "test", text, allowance);
        return scan.Leaks;
    }

    /// <summary>A client's values are allowed only on the Alert Forms about that client (the alert id of the Message-ID, attributed by the plan).</summary>
    [Theory]
    [InlineData(HallAlert, "Client: Daniel James Hall, born 14/03/1985", 0)]
    [InlineData(OBrienAlert, "Client: Daniel Hall, born 14/03/1985", 2)]
    [InlineData(OBrienAlert, "Client: Siobhan O'Brien, born 09/07/1972; see also Daniel Hall", 1)]
    [InlineData("00000000000000000000000000000000", "Client: Siobhan O'Brien", 1)]
    public void Scan_ClientValueOnAnotherClientsAlertForm_IsALeak(string alertId, string body, int leaks)
    {
        var allowance = PrivacyScanner.AlertFormAllowance(alertId + "@continuity-of-care.hub", AlertClients);
        var found = Leaks("Alert Form body", body, allowance);
        Assert.Equal(leaks, found.Count);
        Assert.All(found, leak => Assert.StartsWith("client", leak, StringComparison.Ordinal));
    }

    /// <summary>
    /// Rows: a register row may hold its own client's values only; an outbox row its form's client's; the identifier
    /// index (keyed hashes and a client id), the held possible matches (a pointer to the record) and every other table
    /// nobody's — not even the candidate client's.
    /// </summary>
    [Theory]
    [InlineData("clients", Hall, "Daniel James Hall 1985-03-14 LS6 2AB", 0)]
    [InlineData("clients", OBrien, "Daniel Hall", 1)]
    [InlineData("possiblematches", Hall, "held: 30/06/1979", 1)]
    [InlineData("possiblematches", Hall, "candidate: Daniel Hall", 1)]
    [InlineData("possiblematches", Hall, "Gemma Marsh", 1)]
    [InlineData("clientindex", Hall, "Hall Daniel 1985-03-14", 2)]
    [InlineData("events", Hall, "Daniel Hall", 1)]
    public void Scan_TableRow_HoldsOnlyTheValuesItsStoreIsForAndOnlyForItsOwnClient(string table, string clientId, string text, int leaks)
    {
        var row = new TableEntity("p", "r") { ["ClientId"] = clientId };
        Assert.Equal(leaks, Leaks("table value", text, PrivacyScanner.RowAllowance(table, row, AlertClients)).Count);
    }

    [Fact]
    public void Scan_OutboxRow_HoldsItsFormsClientsValuesOnly()
    {
        var hallForm = new TableEntity(HallAlert, "alert") { ["AlertId"] = HallAlert };
        var notice = new TableEntity("notice", "n") { ["Kind"] = "notice" };
        Assert.Empty(Leaks("table value", "{\"client\":{\"name\":\"Daniel James Hall\"}}", PrivacyScanner.RowAllowance("alertoutbox", hallForm, AlertClients)));
        Assert.Single(Leaks("table value", "{\"client\":{\"name\":\"Siobhan O\\u0027Brien\"}}", PrivacyScanner.RowAllowance("alertoutbox", hallForm, AlertClients)));
        Assert.Single(Leaks("table value", "Daniel Hall", PrivacyScanner.RowAllowance("alertoutbox", notice, AlertClients)));
    }

    /// <summary>A near miss (not a client) is searched: its own values are leaks anywhere, its candidate client's forms and register row included.</summary>
    [Fact]
    public void Scan_NearMissValue_IsALeakAnywhere()
    {
        Assert.True(Data.NearMisses == 1 && Data.NearMissValues > 0, Data.NearMissValues.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var leaks = Leaks("log line", "held possible match for 30/06/1979", PrivacyAllowance.Nobody);
        Assert.StartsWith("NEAR MISS date of birth", Assert.Single(leaks), StringComparison.Ordinal);
        Assert.Single(Leaks("Alert Form body", "Client: Daniel James Hall, born 30/06/1979", PrivacyAllowance.OfClient(Hall)));
        Assert.Single(Leaks("table value", "1979-06-30", PrivacyScanner.RowAllowance("clients", new TableEntity("c0", Hall) { ["ClientId"] = Hall }, AlertClients)));
    }

    /// <summary>Escaped text is decoded before the search (and the written text still searched): JSON, HTML and URL escapes.</summary>
    [Theory]
    [InlineData("{\"name\":\"O\\u0027Brien, Siobhan\"}")]
    [InlineData("<td>Siobhan O&#39;Brien</td>")]
    [InlineData("<td>Siobhan O&apos;Brien</td>")]
    [InlineData("GET /api/search?name=Siobhan%20O%27Brien")]
    [InlineData("<td>Daniel&nbsp;Hall</td>")]
    [InlineData("<td>Hall&amp;Daniel</td>")]
    [InlineData("{\"text\":\"Hall\\tDaniel\"}")]
    public void Scan_EscapedValue_IsFoundDecoded(string text)
    {
        Assert.NotNull(PrivacyScan.Decoded(text));
        var leaks = Leaks("log line", text, PrivacyAllowance.Nobody);
        Assert.Single(leaks);
        Assert.Contains("(decoded)", leaks[0], StringComparison.Ordinal);
    }

    /// <summary>A value found as written is not reported again from the decoded text, and text without escapes is not decoded.</summary>
    [Fact]
    public void Scan_ValueFoundAsWritten_IsOneLeakNotTwo()
    {
        Assert.Single(Leaks("log line", "Routed Daniel Hall\\n", PrivacyAllowance.Nobody));
        Assert.Null(PrivacyScan.Decoded("Routed Daniel Hall"));
    }
}
