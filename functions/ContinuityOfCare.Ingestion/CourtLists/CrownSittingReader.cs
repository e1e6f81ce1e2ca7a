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
internal sealed class CrownSittingReader(string sourceFile, IngestionOptions options)
{
    public void Read(JsonElement sitting, string sittingPath, string? courtCode, string courtName, LocalDate? listDate, List<ParsedItem<CourtListing>> output)
    {
        if (sitting.ValueKind != JsonValueKind.Object)
        {
            output.Add(Reject(sittingPath, "the sitting is not an object"));
            return;
        }

        if (!InputDates.TryParseSittingTime(JsonFields.Text(sitting, "SittingAt", "SittingAt", null), out var sittingAt))
        {
            output.Add(Reject(sittingPath, "SittingAt is missing or not a time (HH:MM:SS): the sitting's defendants cannot be placed"));
            return;
        }

        var (hearings, hearingsError) = JsonFields.Array(sitting, "Hearings");
        if (hearingsError is not null)
        {
            output.Add(Reject(sittingPath, hearingsError));
            return;
        }

        var h = -1;
        foreach (var hearing in hearings?.EnumerateArray() ?? default)
        {
            h++;
            var hearingPath = JsonFields.Item(sittingPath, "Hearings", h);
            if (hearing.ValueKind != JsonValueKind.Object)
            {
                output.Add(Reject(hearingPath, "the hearing is not an object"));
                continue;
            }

            JsonFields.TryGet(hearing, "HearingDetails", out var details);
            var description = JsonFields.Text(details, "HearingDescription", "HearingDetails.HearingDescription", null)
                ?? JsonFields.Text(details, "HearingType", "HearingDetails.HearingType", null);

            var date = listDate;
            if (InputDates.TryParseIsoDate(JsonFields.Text(details, "HearingDate", "HearingDetails.HearingDate", null), out var hearingDate))
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
            var caseNumber = JsonFields.Text(hearing, "CaseNumber", "CaseNumber", null) ?? JsonFields.Text(hearing, "CaseNumberCaTH", "CaseNumberCaTH", null);

            var (defendants, defendantsError) = JsonFields.Array(hearing, "Defendants");
            if (defendantsError is not null)
            {
                output.Add(Reject(hearingPath, defendantsError));
                continue;
            }

            var d = -1;
            foreach (var defendant in defendants?.EnumerateArray() ?? default)
            {
                d++;
                ReadDefendant(defendant, JsonFields.Item(hearingPath, "Defendants", d), courtCode, courtName, start, description, caseNumber, output);
            }
        }
    }

    private void ReadDefendant(
        JsonElement defendant, string path, string? courtCode, string courtName, Instant start, string? description, string? caseNumber, List<ParsedItem<CourtListing>> output)
    {
        if (defendant.ValueKind != JsonValueKind.Object)
        {
            output.Add(Reject(path, "the defendant is not an object"));
            return;
        }

        if (!JsonFields.TryGet(defendant, "PersonalDetails", out var personal) || personal.ValueKind != JsonValueKind.Object)
        {
            output.Add(Reject(path, "PersonalDetails is missing or not an object"));
            return;
        }

        var problems = new RecordProblems(new SourceRef(sourceFile, JsonPath: path));

        // formats.md §1: IsMasked "yes" means the name must not be used for matching. Only an explicit "no" lets it be used.
        var masked = JsonFields.Text(personal, "IsMasked", "PersonalDetails.IsMasked", problems);
        var nameUsable = string.Equals(masked, "no", StringComparison.OrdinalIgnoreCase);
        if (!nameUsable && !string.Equals(masked, "yes", StringComparison.OrdinalIgnoreCase))
        {
            problems.Warn("PersonalDetails.IsMasked is missing or not yes/no: the name is not used for matching");
        }

        string? surname = null;
        string? forenames = null;
        if (nameUsable && JsonFields.TryGet(personal, "Name", out var name))
        {
            surname = JsonFields.Text(name, "CitizenNameSurname", "PersonalDetails.Name.CitizenNameSurname", problems);
            forenames = Forenames(name, problems);
        }

        LocalDate? dateOfBirth = null;
        PartialDate? partialDate = null;
        if (JsonFields.TryGet(personal, "DateOfBirth", out var dobObject))
        {
            var text = JsonFields.Text(dobObject, "BirthDate", "PersonalDetails.DateOfBirth.BirthDate", problems);
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
        }

        var prisonerId = JsonFields.Text(defendant, "PrisonerID", "PrisonerID", problems);

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

        var reference = caseNumber ?? JsonFields.Text(defendant, "URN", "URN", null);

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
    private static string? Forenames(JsonElement name, RecordProblems problems)
    {
        if (!JsonFields.TryGet(name, "CitizenNameForename", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return RecordProblems.Clean(value.GetString());
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var parts = value.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.String)
                .Select(part => RecordProblems.Clean(part.GetString()))
                .OfType<string>()
                .ToList();
            return parts.Count == 0 ? null : string.Join(' ', parts);
        }

        problems.Warn("PersonalDetails.Name.CitizenNameForename ignored: not text or a list of text");
        return null;
    }

    /// <summary>The first <c>PrisonLocation.Location[]</c> entry (or a lone string), when given.</summary>
    private static string? PrisonLocation(JsonElement defendant, RecordProblems problems)
    {
        if (!JsonFields.TryGet(defendant, "PrisonLocation", out var prisonLocation) || !JsonFields.TryGet(prisonLocation, "Location", out var location))
        {
            return null;
        }

        if (location.ValueKind == JsonValueKind.String)
        {
            return RecordProblems.Clean(location.GetString());
        }

        if (location.ValueKind == JsonValueKind.Array)
        {
            return location.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.String)
                .Select(part => RecordProblems.Clean(part.GetString()))
                .FirstOrDefault(part => part is not null);
        }

        problems.Warn("PrisonLocation.Location ignored: not text or a list of text");
        return null;
    }

    private ParsedItem<CourtListing> Reject(string path, string reason) =>
        ParsedItem<CourtListing>.Of(new Rejection(new SourceRef(sourceFile, JsonPath: path), reason));
}
