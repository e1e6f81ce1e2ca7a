using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Discharges;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>
/// Writes a <see cref="SampleWorld"/> as the hub's input files: <c>clients.csv</c>, <c>directory.csv</c>,
/// <c>court-lists/*.json</c> (Magistrates Standard List, current schema; Crown Daily List, current revision),
/// <c>court-results/*.csv</c> and <c>discharges/*.csv</c>. Output is byte-for-byte deterministic: UTF-8 without a
/// BOM, LF line ends, records in world order.
/// </summary>
public static class SampleFileWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.000Z'");

    /// <summary>Writes every file under <paramref name="directory"/> and returns their paths relative to it, sorted.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(SampleWorld world, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(directory);
        var written = new List<string>();

        await WriteTextAsync(directory, "clients.csv", written, (w, ct) => WriteClientsAsync(w, world.Clients, ct), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(directory, "directory.csv", written, (w, ct) => WriteDirectoryAsync(w, world.Directory, ct), cancellationToken).ConfigureAwait(false);

        foreach (var group in world.Listings.GroupBy(l => l.Source.SourceFile, StringComparer.Ordinal))
        {
            var listings = group.ToList();
            await WriteBinaryAsync(directory, group.Key, written, stream =>
            {
                using var json = new Utf8JsonWriter(stream, JsonOptions);
                if ((listings[0].CourtCode ?? string.Empty).All(char.IsAsciiDigit))
                {
                    WriteCrownList(json, listings);
                }
                else
                {
                    WriteMagistratesList(json, listings);
                }

                json.Flush();
                stream.WriteByte((byte)'\n');
            }).ConfigureAwait(false);
        }

        foreach (var group in world.Results.GroupBy(r => r.Source.SourceFile, StringComparer.Ordinal))
        {
            await WriteTextAsync(directory, group.Key, written, (w, ct) => WriteResultsAsync(w, group, ct), cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in world.Discharges.GroupBy(d => d.Source.SourceFile, StringComparer.Ordinal))
        {
            await WriteTextAsync(directory, group.Key, written, (w, ct) => WriteDischargesAsync(w, group, ct), cancellationToken).ConfigureAwait(false);
        }

        written.Sort(StringComparer.Ordinal);
        return written;
    }

    /// <summary>The client register (formats.md §5).</summary>
    public static async Task WriteClientsAsync(TextWriter writer, IEnumerable<Client> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(clients);
        await SampleCsv.WriteRowAsync(writer, ClientRegisterColumns.All, cancellationToken).ConfigureAwait(false);
        foreach (var c in clients)
        {
            await SampleCsv.WriteRowAsync(
                writer,
                [
                    c.Id, c.Surname, c.Forenames, Date(c.DateOfBirth), c.Gender, c.Pnc?.Value, c.Cro?.Value, c.Noms?.Value, c.HomePostcode, c.CjitCode,
                    c.CurrentPrison, Date(c.ReleaseDate), c.Consent.Given ? "yes" : "no",
                    c.Consent.Given ? string.Join(';', c.Consent.Scope.Order().Select(OrgTypeCodes.ToCode)) : null,
                    Date(c.Consent.Date), c.LegalBasis?.ToCode(), c.Ppo ? "yes" : "no",
                ],
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The SPOC directory (formats.md §4).</summary>
    public static async Task WriteDirectoryAsync(TextWriter writer, IEnumerable<DirectoryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        await SampleCsv.WriteRowAsync(
            writer,
            ["org_code", "org_type", "org_name", "spoc_name", "email", "phone", "phone_24_7", "escalation_email", "postcode_districts", "courts", "court_worker_courts", "effective_from"],
            cancellationToken).ConfigureAwait(false);
        foreach (var e in entries)
        {
            await SampleCsv.WriteRowAsync(
                writer,
                [
                    e.OrgCode, e.OrgType.ToCode(), e.OrgName, e.SpocName, e.Email, e.Phone, e.Phone24x7, e.EscalationEmail,
                    string.Join(';', e.PostcodeDistricts), string.Join(';', e.Courts), string.Join(';', e.CourtWorkerCourts), Date(e.EffectiveFrom),
                ],
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Court results (formats.md §2); result times as Europe/London <c>YYYY-MM-DDTHH:MM</c>.</summary>
    public static async Task WriteResultsAsync(TextWriter writer, IEnumerable<CourtResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        await SampleCsv.WriteRowAsync(writer, CourtResultColumns.All, cancellationToken).ConfigureAwait(false);
        foreach (var r in results)
        {
            var p = r.Person;
            string? resultTime = r.ResultTime is { } time
                ? LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Format(LondonLocalTime.ToLocal(time))
                : null;
            await SampleCsv.WriteRowAsync(
                writer,
                [
                    r.CourtCode, Date(r.HearingDate), r.CaseUrn, p.Surname, p.Forenames, Date(p.DateOfBirth), p.Pnc?.Value, p.Cro?.Value, p.Asn, p.Noms?.Value,
                    r.Outcome.ToCode(), r.Establishment, Date(r.NextHearingDate), r.NextHearingCourt, resultTime,
                ],
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A prison's discharge export (formats.md §3); movement times as Europe/London date and <c>HH:MM</c>.</summary>
    public static async Task WriteDischargesAsync(TextWriter writer, IEnumerable<DischargeMovement> movements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(movements);
        await SampleCsv.WriteRowAsync(writer, DischargeExportColumns.All, cancellationToken).ConfigureAwait(false);
        foreach (var m in movements)
        {
            var local = LondonLocalTime.ToLocal(m.MovedAt);
            var p = m.Person;
            await SampleCsv.WriteRowAsync(
                writer,
                [
                    m.PrisonCode, p.Noms?.Value, p.Surname, p.Forenames, Date(p.DateOfBirth), p.Pnc?.Value, Date(local.Date), InputDates.FormatHourMinute(local.TimeOfDay),
                    m.MovementType.ToCode(), m.ReasonCode, m.ToAgency, Date(m.ReleaseDate),
                ],
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A Magistrates Standard List (current schema) of listings at one court.</summary>
    public static void WriteMagistratesList(Utf8JsonWriter json, IReadOnlyList<CourtListing> listings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(listings);
        var first = listings[0];
        json.WriteStartObject();
        json.WriteStartObject("document");
        json.WriteString("publicationDate", UtcPattern.Format(first.HearingStart.Minus(Duration.FromHours(18))));
        json.WriteEndObject();
        json.WriteStartObject("venue");
        json.WriteStartObject("venueAddress");
        json.WriteStartArray("line");
        json.WriteStringValue("1 Court Street");
        json.WriteEndArray();
        json.WriteString("town", first.CourtName.Split(' ')[0]);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("courtLists");
        json.WriteStartObject();
        json.WriteStartObject("courtHouse");
        json.WriteString("courtHouseName", first.CourtName);
        json.WriteString("lja", "West Yorkshire Local Justice Area");
        json.WriteStartArray("courtRoom");
        json.WriteStartObject();
        json.WriteString("courtRoomName", "Courtroom 1");
        json.WriteStartArray("session");
        json.WriteStartObject();
        json.WriteStartArray("judiciary");
        json.WriteStartObject();
        json.WriteString("johKnownAs", "District Judge (Magistrates' Courts)");
        json.WriteBoolean("isPresiding", true);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("sittings");
        foreach (var sitting in listings.GroupBy(l => l.HearingStart).OrderBy(g => g.Key))
        {
            json.WriteStartObject();
            json.WriteString("sittingStart", UtcPattern.Format(sitting.Key));
            json.WriteStartArray("hearing");
            foreach (var listing in sitting)
            {
                WriteMagistratesHearing(json, listing);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A Crown Daily List (PDDA, current revision: integer <c>CourtHouseCode</c>, forename array).</summary>
    public static void WriteCrownList(Utf8JsonWriter json, IReadOnlyList<CourtListing> listings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(listings);
        var first = listings[0];
        var day = LondonLocalTime.ToLocal(first.HearingStart).Date;
        var code = int.Parse(first.CourtCode ?? "0", CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteStartObject("DailyList");
        json.WriteStartObject("DocumentID");
        json.WriteString("UniqueID", $"DL-{first.CourtCode}-{Date(day)}");
        json.WriteString("DocumentType", "DL");
        json.WriteEndObject();
        json.WriteStartObject("ListHeader");
        json.WriteString("StartDate", Date(day));
        json.WriteString("EndDate", Date(day));
        json.WriteString("Version", "1.0");
        json.WriteString("PublishedTime", UtcPattern.Format(first.HearingStart.Minus(Duration.FromHours(18))));
        json.WriteEndObject();
        WriteCrownCourt(json, "CrownCourt", code, first.CourtName);
        json.WriteStartArray("CourtLists");
        json.WriteStartObject();
        WriteCrownCourt(json, "CourtHouse", code, first.CourtName);
        json.WriteStartArray("Sittings");
        var room = 0;
        foreach (var sitting in listings.GroupBy(l => l.HearingStart).OrderBy(g => g.Key))
        {
            room++;
            json.WriteStartObject();
            json.WriteNumber("CourtRoomNumber", room);
            json.WriteString("SittingAt", LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss").Format(LondonLocalTime.ToLocal(sitting.Key).TimeOfDay));
            json.WriteStartObject("Judiciary");
            json.WriteStartObject("Judge");
            json.WriteString("CitizenNameTitle", "His Honour Judge");
            json.WriteString("CitizenNameSurname", "Recorder");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("Hearings");
            var sequence = 0;
            foreach (var listing in sitting)
            {
                WriteCrownHearing(json, listing, ++sequence);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMagistratesHearing(Utf8JsonWriter json, CourtListing listing)
    {
        var p = listing.Person;
        json.WriteStartObject();
        json.WriteString("hearingType", listing.HearingType);
        json.WriteString("panel", "ADULT");
        json.WriteStartArray("case");
        json.WriteStartObject();
        json.WriteString("caseUrn", listing.CaseReference);
        json.WriteString("caseSequenceIndicator", "1 of 1");
        json.WriteBoolean("reportingRestriction", false);
        json.WriteStartArray("party");
        json.WriteStartObject();
        json.WriteString("partyRole", "DEFENDANT");
        json.WriteStartObject("individualDetails");
        var names = (p.Forenames ?? string.Empty).Split(' ', 2);
        json.WriteString("individualForenames", names[0]);
        if (names.Length > 1)
        {
            json.WriteString("individualMiddleName", names[1]);
        }

        json.WriteString("individualSurname", p.Surname);
        if (p.DateOfBirth is { } dob)
        {
            json.WriteString("dateOfBirth", Date(dob));
        }

        json.WriteBoolean("inCustody", listing.InCustody);
        if (p.Asn is not null)
        {
            json.WriteString("asn", p.Asn);
        }

        if (p.Pnc is { } pnc)
        {
            json.WriteString("pncId", pnc.Value);
        }

        json.WriteEndObject();
        json.WriteStartArray("offence");
        json.WriteStartObject();
        json.WriteString("offenceCode", "TH68010");
        json.WriteString("offenceTitle", "Theft from a shop");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("partyRole", "PROSECUTING_AUTHORITY");
        json.WriteStartObject("organisationDetails");
        json.WriteString("organisationName", "Crown Prosecution Service");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCrownHearing(Utf8JsonWriter json, CourtListing listing, int sequence)
    {
        var p = listing.Person;
        json.WriteStartObject();
        json.WriteNumber("HearingSequenceNumber", sequence);
        json.WriteStartObject("HearingDetails");
        json.WriteString("HearingDescription", listing.HearingType);
        json.WriteString("HearingType", "TRL");
        json.WriteEndObject();
        json.WriteString("CaseNumber", listing.CaseReference);
        json.WriteString("CaseNumberCaTH", listing.CaseReference);
        json.WriteStartArray("Defendants");
        json.WriteStartObject();
        json.WriteStartObject("PersonalDetails");
        json.WriteStartObject("Name");
        json.WriteStartArray("CitizenNameForename");
        foreach (var name in (p.Forenames ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteString("CitizenNameSurname", p.Surname);
        json.WriteEndObject();
        json.WriteString("IsMasked", p.NameUsableForMatching ? "no" : "yes");
        if (p.DateOfBirth is { } dob)
        {
            json.WriteStartObject("DateOfBirth");
            json.WriteString("BirthDate", Date(dob));
            json.WriteString("VerifiedBy", "not verified");
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("URN", listing.CaseReference);
        if (listing.PrisonCode is { } prison)
        {
            json.WriteStartObject("PrisonLocation");
            json.WriteStartArray("Location");
            json.WriteStringValue(PrisonReference.DisplayNames.GetValueOrDefault(prison, prison));
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCrownCourt(Utf8JsonWriter json, string property, int code, string name)
    {
        json.WriteStartObject(property);
        json.WriteString("CourtHouseType", "Crown Court");
        json.WriteNumber("CourtHouseCode", code);
        json.WriteString("CourtHouseName", name);
        json.WriteEndObject();
    }

    private static string? Date(LocalDate? date) => date is { } d ? InputDates.FormatIso(d) : null;

    private static async Task WriteTextAsync(
        string directory, string relative, List<string> written, Func<TextWriter, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var path = Prepare(directory, relative, written);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new StreamWriter(stream, Utf8, 64 * 1024) { NewLine = "\n" };
            await using (writer.ConfigureAwait(false))
            {
                await write(writer, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteBinaryAsync(string directory, string relative, List<string> written, Action<Stream> write)
    {
        var path = Prepare(directory, relative, written);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            write(stream);
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }

    private static string Prepare(string directory, string relative, List<string> written)
    {
        var path = Path.Combine(directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        written.Add(relative);
        return path;
    }
}
