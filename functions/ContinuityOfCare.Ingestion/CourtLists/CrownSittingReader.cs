using System.Text.Json;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using NodaTime;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// Turns one Crown Daily List (PDDA) sitting (<c>$.DailyList.CourtLists[i].Sittings[j]</c>) into
/// <see cref="CourtListing"/>s (formats.md §1), accepting both revisions (<c>CitizenNameForename</c> an array or a
/// string; <c>HearingDetails.HearingDate</c> present or not). The hearing starts at <c>SittingAt</c> (local time) on
/// the hearing's date (<c>HearingDetails.HearingDate</c>, else <c>ListHeader.StartDate</c>) in Europe/London.
/// <c>IsMasked</c> other than <c>"no"</c> means the name must not be used for matching: it is not even carried.
/// <c>PrisonerID</c> or <c>PrisonLocation</c> mean the defendant is held before the hearing (corroboration, not an
/// outcome). <c>ReserveList</c> entries have no sitting and are not read.
/// </summary>
/// <remarks>
/// As <see cref="MagistratesSittingReader"/>: one pass over the sitting's tokens (<see cref="Capture"/>), then the
/// listings in a fixed order of checks (<see cref="Emit"/>), whatever the order of the properties.
/// </remarks>
internal sealed class CrownSittingReader(string sourceFile, IngestionOptions options)
{
    private readonly CapturedArray<Hearing> _hearings = new();
    private JsonTokenType _sitting;
    private JsonScalar _sittingAt;

    /// <summary>Captures the sitting <paramref name="reader"/> is on (a <see cref="JsonElementReader"/>).</summary>
    public bool Capture(ref Utf8JsonReader reader)
    {
        _hearings.Clear();
        _sittingAt = default;
        _sitting = reader.TokenType;
        return reader.TokenType == JsonTokenType.StartObject
            ? JsonCapture.TryCaptureProperties(ref reader, this, CaptureSittingProperty)
            : reader.TrySkip();
    }

    /// <summary>The listings, rejections and warnings of the sitting last captured.</summary>
    public void Emit(string sittingPath, string? courtCode, string courtName, LocalDate? listDate, List<ParsedItem<CourtListing>> output)
    {
        if (_sitting != JsonTokenType.StartObject)
        {
            output.Add(Reject(sittingPath, "the sitting is not an object"));
            return;
        }

        if (!InputDates.TryParseSittingTime(JsonFields.Text(_sittingAt, "SittingAt", null), out var sittingAt))
        {
            output.Add(Reject(sittingPath, "SittingAt is missing or not a time (HH:MM:SS): the sitting's defendants cannot be placed"));
            return;
        }

        if (JsonFields.ArrayError(_hearings, "Hearings") is { } hearingsError)
        {
            output.Add(Reject(sittingPath, hearingsError));
            return;
        }

        for (var h = 0; h < _hearings.Items.Count; h++)
        {
            var hearingPath = JsonFields.Item(sittingPath, "Hearings", h);
            if (_hearings.Items[h] is not { } hearing)
            {
                output.Add(Reject(hearingPath, "the hearing is not an object"));
                continue;
            }

            var description = JsonFields.Text(hearing.HearingDescription, "HearingDetails.HearingDescription", null)
                ?? JsonFields.Text(hearing.HearingType, "HearingDetails.HearingType", null);

            var date = listDate;
            if (InputDates.TryParseIsoDate(JsonFields.Text(hearing.HearingDate, "HearingDetails.HearingDate", null), out var hearingDate))
            {
                date = hearingDate;
            }

            if (date is null)
            {
                output.Add(Reject(hearingPath, "the hearing date is unknown: no HearingDetails.HearingDate and no ListHeader.StartDate before CourtLists"));
                continue;
            }

            // Europe/London wall clock; DST resolved as LondonLocalTime says (skipped → later, ambiguous → earlier).
            var start = LondonLocalTime.ToInstant(date.Value + sittingAt);
            var caseNumber = JsonFields.Text(hearing.CaseNumber, "CaseNumber", null) ?? JsonFields.Text(hearing.CaseNumberCaTH, "CaseNumberCaTH", null);

            if (JsonFields.ArrayError(hearing.Defendants, "Defendants") is { } defendantsError)
            {
                output.Add(Reject(hearingPath, defendantsError));
                continue;
            }

            for (var d = 0; d < hearing.Defendants.Items.Count; d++)
            {
                EmitDefendant(hearing.Defendants.Items[d], JsonFields.Item(hearingPath, "Defendants", d), courtCode, courtName, start, description, caseNumber, output);
            }
        }
    }

    private void EmitDefendant(
        Defendant? defendant, string path, string? courtCode, string courtName, Instant start, string? description, string? caseNumber, List<ParsedItem<CourtListing>> output)
    {
        if (defendant is null)
        {
            output.Add(Reject(path, "the defendant is not an object"));
            return;
        }

        if (defendant.Personal != JsonTokenType.StartObject)
        {
            output.Add(Reject(path, "PersonalDetails is missing or not an object"));
            return;
        }

        var problems = new RecordProblems(new SourceRef(sourceFile, JsonPath: path));

        // formats.md §1: IsMasked "yes" means the name must not be used for matching. Only an explicit "no" lets it be used.
        var masked = JsonFields.Text(defendant.IsMasked, "PersonalDetails.IsMasked", problems);
        var nameUsable = string.Equals(masked, "no", StringComparison.OrdinalIgnoreCase);
        if (!nameUsable && !string.Equals(masked, "yes", StringComparison.OrdinalIgnoreCase))
        {
            problems.Warn("PersonalDetails.IsMasked is missing or not yes/no: the name is not used for matching");
        }

        string? surname = null;
        string? forenames = null;
        if (nameUsable)
        {
            // Fields of a Name that is not an object are captured as absent, as a lookup in it would find nothing.
            surname = JsonFields.Text(defendant.Surname, "PersonalDetails.Name.CitizenNameSurname", problems);
            forenames = Forenames(defendant, problems);
        }

        LocalDate? dateOfBirth = null;
        PartialDate? partialDate = null;
        var text = JsonFields.Text(defendant.BirthDate, "PersonalDetails.DateOfBirth.BirthDate", problems);
        if (InputDates.TryParseListDateOfBirth(text, out var dob))
        {
            dateOfBirth = dob;
        }
        else if (InputDates.TryParsePartialDate(text, out var partial))
        {
            // formats.md §1: a year (and month) only can support a name, never stand for a date of birth.
            partialDate = partial;
        }
        else if (text is not null)
        {
            problems.Warn("PersonalDetails.DateOfBirth.BirthDate ignored: not a date (YYYY-MM-DD, or YYYY-MM / YYYY for part of one)");
        }

        var prisonerId = JsonFields.Text(defendant.PrisonerId, "PrisonerID", problems);

        // formats.md §1: a PrisonerID in the NOMS number's shape is the prison number, an exact identifier; any other
        // value only says the defendant is held.
        NomsNumber? noms = prisonerId is not null && NomsNumber.TryParse(prisonerId, out var parsedNoms, out _) ? parsedNoms : null;
        var location = PrisonLocation(defendant, problems);
        string? prisonCode = null;
        if (location is not null)
        {
            var upper = location.ToUpperInvariant();
            prisonCode = options.PrisonNames.TryGetValue(location, out var code) ? code
                : CodeShapes.IsPrisonCode(upper) ? upper
                : null;
        }

        var reference = caseNumber ?? JsonFields.Text(defendant.Urn, "URN", null);

        foreach (var warning in problems.Warnings)
        {
            output.Add(ParsedItem<CourtListing>.Of(warning));
        }

        output.Add(ParsedItem<CourtListing>.Of(new CourtListing(
            problems.Where,
            courtCode,
            courtName,
            start,
            description,
            reference,
            new PersonParticulars(surname, forenames, dateOfBirth, Noms: noms, NameUsableForMatching: nameUsable, PartialDateOfBirth: partialDate),
            InCustody: prisonerId is not null || location is not null,
            prisonCode)));
    }

    /// <summary><c>CitizenNameForename</c>: an array of names (current revision) or one string (earlier revision).</summary>
    private static string? Forenames(Defendant defendant, RecordProblems problems)
    {
        switch (defendant.Forename.Token)
        {
            case JsonTokenType.None:
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return RecordProblems.Clean(defendant.Forename.Text);
            case JsonTokenType.StartArray:
                RefuseIfUndecodable(defendant.ForenamePartsUndecodable);
                return defendant.ForenameParts.Count == 0 ? null : string.Join(' ', defendant.ForenameParts);
            default:
                problems.Warn("PersonalDetails.Name.CitizenNameForename ignored: not text or a list of text");
                return null;
        }
    }

    /// <summary>The first <c>PrisonLocation.Location[]</c> entry (or a lone string), when given.</summary>
    private static string? PrisonLocation(Defendant defendant, RecordProblems problems)
    {
        switch (defendant.Location.Token)
        {
            case JsonTokenType.None:
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return RecordProblems.Clean(defendant.Location.Text);
            case JsonTokenType.StartArray:
                // Decoding stopped at the first usable entry, or at an undecodable one before it.
                if (defendant.LocationParts.Count > 0)
                {
                    return defendant.LocationParts[0];
                }

                RefuseIfUndecodable(defendant.LocationPartsUndecodable);
                return null;
            default:
                problems.Warn("PrisonLocation.Location ignored: not text or a list of text");
                return null;
        }
    }

    // A list entry that cannot be decoded refuses the file when the list is used (see JsonScalar.Text).
    private static void RefuseIfUndecodable(bool undecodable)
    {
        if (undecodable)
        {
            throw new UnreadableFileException(FileChecks.NotUtf8);
        }
    }

    private ParsedItem<CourtListing> Reject(string path, string reason) =>
        ParsedItem<CourtListing>.Of(new Rejection(new SourceRef(sourceFile, JsonPath: path), reason));

    // The capture: one method per object kind, called on a property's name (JsonCapture, CapturedArray); each leaves
    // the reader on the value's last token. An object-valued property is cleared first: the last one wins whole, and
    // its fields are read only from an object (given as anything else, they are absent).
    private static bool CaptureSittingProperty(ref Utf8JsonReader reader, CrownSittingReader sitting) =>
        reader.ValueTextEquals("SittingAt"u8) ? JsonFields.TryReadScalar(ref reader, out sitting._sittingAt)
        : reader.ValueTextEquals("Hearings"u8) ? sitting._hearings.TryCapture(ref reader, CaptureHearingProperty)
        : reader.TrySkip();

    private static bool CaptureHearingProperty(ref Utf8JsonReader reader, Hearing hearing)
    {
        if (reader.ValueTextEquals("HearingDetails"u8))
        {
            hearing.ClearDetails();
            return JsonCapture.TryCaptureObject(ref reader, hearing, CaptureHearingDetailsProperty, out _);
        }

        return reader.ValueTextEquals("CaseNumber"u8) ? JsonFields.TryReadScalar(ref reader, out hearing.CaseNumber)
            : reader.ValueTextEquals("CaseNumberCaTH"u8) ? JsonFields.TryReadScalar(ref reader, out hearing.CaseNumberCaTH)
            : reader.ValueTextEquals("Defendants"u8) ? hearing.Defendants.TryCapture(ref reader, CaptureDefendantProperty)
            : reader.TrySkip();
    }

    private static bool CaptureHearingDetailsProperty(ref Utf8JsonReader reader, Hearing hearing) =>
        reader.ValueTextEquals("HearingDescription"u8) ? JsonFields.TryReadScalar(ref reader, out hearing.HearingDescription)
        : reader.ValueTextEquals("HearingType"u8) ? JsonFields.TryReadScalar(ref reader, out hearing.HearingType)
        : reader.ValueTextEquals("HearingDate"u8) ? JsonFields.TryReadScalar(ref reader, out hearing.HearingDate)
        : reader.TrySkip();

    private static bool CaptureDefendantProperty(ref Utf8JsonReader reader, Defendant defendant)
    {
        if (reader.ValueTextEquals("PersonalDetails"u8))
        {
            defendant.ClearPersonal();
            return JsonCapture.TryCaptureObject(ref reader, defendant, CapturePersonalDetailsProperty, out defendant.Personal);
        }

        if (reader.ValueTextEquals("PrisonLocation"u8))
        {
            defendant.ClearLocation();
            return JsonCapture.TryCaptureObject(ref reader, defendant, CapturePrisonLocationProperty, out _);
        }

        return reader.ValueTextEquals("PrisonerID"u8) ? JsonFields.TryReadScalar(ref reader, out defendant.PrisonerId)
            : reader.ValueTextEquals("URN"u8) ? JsonFields.TryReadScalar(ref reader, out defendant.Urn)
            : reader.TrySkip();
    }

    private static bool CapturePersonalDetailsProperty(ref Utf8JsonReader reader, Defendant defendant)
    {
        if (reader.ValueTextEquals("Name"u8))
        {
            defendant.ClearName();
            return JsonCapture.TryCaptureObject(ref reader, defendant, CaptureNameProperty, out _);
        }

        if (reader.ValueTextEquals("DateOfBirth"u8))
        {
            defendant.BirthDate = default;
            return JsonCapture.TryCaptureObject(ref reader, defendant, CaptureDateOfBirthProperty, out _);
        }

        return reader.ValueTextEquals("IsMasked"u8) ? JsonFields.TryReadScalar(ref reader, out defendant.IsMasked) : reader.TrySkip();
    }

    private static bool CaptureNameProperty(ref Utf8JsonReader reader, Defendant defendant) =>
        reader.ValueTextEquals("CitizenNameSurname"u8) ? JsonFields.TryReadScalar(ref reader, out defendant.Surname)
        : reader.ValueTextEquals("CitizenNameForename"u8)
            ? TryCaptureTextOrList(ref reader, out defendant.Forename, defendant.ForenameParts, firstOnly: false, out defendant.ForenamePartsUndecodable)
        : reader.TrySkip();

    private static bool CaptureDateOfBirthProperty(ref Utf8JsonReader reader, Defendant defendant) =>
        reader.ValueTextEquals("BirthDate"u8) ? JsonFields.TryReadScalar(ref reader, out defendant.BirthDate) : reader.TrySkip();

    private static bool CapturePrisonLocationProperty(ref Utf8JsonReader reader, Defendant defendant) =>
        reader.ValueTextEquals("Location"u8)
            ? TryCaptureTextOrList(ref reader, out defendant.Location, defendant.LocationParts, firstOnly: true, out defendant.LocationPartsUndecodable)
            : reader.TrySkip();

    // A value that may be one string or a list of strings: the string (or the token type of anything else), or the
    // list's cleaned strings.
    private static bool TryCaptureTextOrList(ref Utf8JsonReader reader, out JsonScalar value, List<string> parts, bool firstOnly, out bool partsUndecodable)
    {
        parts.Clear();
        partsUndecodable = false;
        if (!reader.Read())
        {
            value = default;
            return false;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = JsonScalar.OfString(ref reader);
                return true;
            case JsonTokenType.StartArray:
                value = new JsonScalar(JsonTokenType.StartArray, null);
                return JsonFields.TryReadTextParts(ref reader, parts, firstOnly, out partsUndecodable);
            default:
                value = new JsonScalar(reader.TokenType, null);
                return reader.TrySkip();
        }
    }

    // Captured fields (mutable, reused: see CaptureNodes). Fields rather than properties so the capture can read into them by reference.
    private sealed class Hearing : ICapturedNode
    {
        public JsonScalar HearingDescription;
        public JsonScalar HearingType;
        public JsonScalar HearingDate;
        public JsonScalar CaseNumber;
        public JsonScalar CaseNumberCaTH;

        public CapturedArray<Defendant> Defendants { get; } = new();

        public void Clear()
        {
            ClearDetails();
            CaseNumber = default;
            CaseNumberCaTH = default;
            Defendants.Clear();
        }

        // HearingDetails' fields are read only from an object: given as anything else, they are absent.
        public void ClearDetails()
        {
            HearingDescription = default;
            HearingType = default;
            HearingDate = default;
        }
    }

    private sealed class Defendant : ICapturedNode
    {
        public JsonTokenType Personal;
        public JsonScalar IsMasked;
        public JsonScalar Surname;
        public JsonScalar Forename;
        public bool ForenamePartsUndecodable;
        public JsonScalar BirthDate;
        public JsonScalar PrisonerId;
        public JsonScalar Location;
        public bool LocationPartsUndecodable;
        public JsonScalar Urn;

        public List<string> ForenameParts { get; } = [];

        public List<string> LocationParts { get; } = [];

        public void Clear()
        {
            ClearPersonal();
            PrisonerId = default;
            ClearLocation();
            Urn = default;
        }

        public void ClearPersonal()
        {
            Personal = JsonTokenType.None;
            IsMasked = default;
            ClearName();
            BirthDate = default;
        }

        public void ClearName()
        {
            Surname = default;
            Forename = default;
            ForenamePartsUndecodable = false;
            ForenameParts.Clear();
        }

        public void ClearLocation()
        {
            Location = default;
            LocationPartsUndecodable = false;
            LocationParts.Clear();
        }
    }
}
