using System.Text.Json;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using NodaTime;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// Turns one Magistrates Standard List sitting (<c>$.courtLists[i].courtHouse.courtRoom[j].session[k].sittings[l]</c>)
/// into <see cref="CourtListing"/>s (formats.md §1). Accepts every schema revision: the case reference is
/// <c>caseUrn</c> (current) or <c>caseNumber</c> (2024); dates of birth are ISO or day-first; <c>sittingEnd</c>,
/// <c>title</c>, <c>plea</c> on the individual and <c>locationDetails</c> are read past. Only parties whose
/// <c>partyRole</c> is <c>DEFENDANT</c> are candidates, under <c>case[]</c> or <c>application[]</c>; every
/// <c>individualDetails</c> field is optional, and one of the wrong type is a warning and not used.
/// </summary>
internal sealed class MagistratesSittingReader(string sourceFile)
{
    private const string Defendant = "DEFENDANT";

    public void Read(JsonElement sitting, string sittingPath, string? courtCode, string courtName, List<ParsedItem<CourtListing>> output)
    {
        if (sitting.ValueKind != JsonValueKind.Object)
        {
            output.Add(Reject(sittingPath, "the sitting is not an object"));
            return;
        }

        var startText = JsonFields.Text(sitting, "sittingStart", "sittingStart", null);
        if (!InputDates.TryParseInstant(startText, out var start))
        {
            output.Add(Reject(sittingPath, "sittingStart is missing or not an ISO-8601 timestamp (e.g. 2026-12-24T10:00:00Z): the sitting's defendants cannot be placed"));
            return;
        }

        var (hearings, hearingsError) = JsonFields.Array(sitting, "hearing");
        if (hearingsError is not null)
        {
            output.Add(Reject(sittingPath, hearingsError));
            return;
        }

        var h = -1;
        foreach (var hearing in hearings?.EnumerateArray() ?? default)
        {
            h++;
            var hearingPath = JsonFields.Item(sittingPath, "hearing", h);
            if (hearing.ValueKind != JsonValueKind.Object)
            {
                output.Add(Reject(hearingPath, "the hearing is not an object"));
                continue;
            }

            var hearingType = JsonFields.Text(hearing, "hearingType", "hearingType", null);
            ReadCases(hearing, hearingPath, "case", courtCode, courtName, start, hearingType, output);
            ReadCases(hearing, hearingPath, "application", courtCode, courtName, start, hearingType, output);
        }
    }

    private void ReadCases(
        JsonElement hearing, string hearingPath, string container, string? courtCode, string courtName, Instant start, string? hearingType, List<ParsedItem<CourtListing>> output)
    {
        var (cases, casesError) = JsonFields.Array(hearing, container);
        if (casesError is not null)
        {
            output.Add(Reject(hearingPath, casesError));
            return;
        }

        var c = -1;
        foreach (var @case in cases?.EnumerateArray() ?? default)
        {
            c++;
            var casePath = JsonFields.Item(hearingPath, container, c);
            if (@case.ValueKind != JsonValueKind.Object)
            {
                output.Add(Reject(casePath, $"the {container} is not an object"));
                continue;
            }

            // Current schema: caseUrn; 2024 schema: caseNumber; applications: applicationReference.
            var reference = JsonFields.Text(@case, "caseUrn", "caseUrn", null)
                ?? JsonFields.Text(@case, "caseNumber", "caseNumber", null)
                ?? JsonFields.Text(@case, "applicationReference", "applicationReference", null);

            var (parties, partiesError) = JsonFields.Array(@case, "party");
            if (partiesError is not null)
            {
                output.Add(Reject(casePath, partiesError));
                continue;
            }

            var p = -1;
            foreach (var party in parties?.EnumerateArray() ?? default)
            {
                p++;
                var partyPath = JsonFields.Item(casePath, "party", p);
                if (party.ValueKind != JsonValueKind.Object)
                {
                    output.Add(Reject(partyPath, "the party is not an object"));
                    continue;
                }

                // formats.md §1: only DEFENDANT parties are candidates; respondents, applicants and prosecutors are not.
                var role = JsonFields.Text(party, "partyRole", "partyRole", null);
                if (!string.Equals(role, Defendant, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                ReadDefendant(party, partyPath, courtCode, courtName, start, hearingType, reference, output);
            }
        }
    }

    private void ReadDefendant(
        JsonElement party, string partyPath, string? courtCode, string courtName, Instant start, string? hearingType, string? reference, List<ParsedItem<CourtListing>> output)
    {
        var problems = new RecordProblems(new SourceRef(sourceFile, JsonPath: partyPath));
        if (!JsonFields.TryGet(party, "individualDetails", out var details))
        {
            output.Add(ParsedItem<CourtListing>.Of(new Rejection(problems.Where, "the defendant has no individualDetails (an organisation, not a person): not matched", IsWarning: true)));
            return;
        }

        if (details.ValueKind != JsonValueKind.Object)
        {
            output.Add(Reject(partyPath, "individualDetails is not an object"));
            return;
        }

        var forenames = JoinNames(
            JsonFields.Text(details, "individualForenames", "individualDetails.individualForenames", problems),
            JsonFields.Text(details, "individualMiddleName", "individualDetails.individualMiddleName", problems));
        var surname = JsonFields.Text(details, "individualSurname", "individualDetails.individualSurname", problems);

        LocalDate? dateOfBirth = null;
        if (JsonFields.TryGet(details, "dateOfBirth", out var dobValue))
        {
            if (dobValue.ValueKind == JsonValueKind.String && InputDates.TryParseListDateOfBirth(dobValue.GetString(), out var dob))
            {
                dateOfBirth = dob;
            }
            else
            {
                problems.Warn("individualDetails.dateOfBirth ignored: not a date (YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY)");
            }
        }

        var pnc = problems.Pnc(JsonFields.Text(details, "pncId", "individualDetails.pncId", problems), "individualDetails.pncId");
        var asn = problems.Asn(JsonFields.Text(details, "asn", "individualDetails.asn", problems), "individualDetails.asn");

        var inCustody = false;
        if (JsonFields.TryGet(details, "inCustody", out var custody))
        {
            if (custody.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                inCustody = custody.GetBoolean();
            }
            else
            {
                problems.Warn("individualDetails.inCustody ignored: not true or false");
            }
        }

        foreach (var warning in problems.Warnings)
        {
            output.Add(ParsedItem<CourtListing>.Of(warning));
        }

        output.Add(ParsedItem<CourtListing>.Of(new CourtListing(
            problems.Where,
            courtCode,
            courtName,
            start,
            hearingType,
            reference,
            new PersonParticulars(surname, forenames, dateOfBirth, pnc, Asn: asn),
            inCustody,
            PrisonCode: null)));
    }

    private static string? JoinNames(string? forenames, string? middleName) =>
        forenames is null ? middleName : middleName is null ? forenames : forenames + " " + middleName;

    private ParsedItem<CourtListing> Reject(string path, string reason) =>
        ParsedItem<CourtListing>.Of(new Rejection(new SourceRef(sourceFile, JsonPath: path), reason));
}
