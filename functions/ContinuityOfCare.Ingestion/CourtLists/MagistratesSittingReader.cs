using System.Globalization;
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
/// <remarks>
/// A sitting is read in one pass over its tokens (<see cref="Capture"/>: the fields used, in whatever order they
/// come, no document), then turned into listings (<see cref="Emit"/>) in a fixed order of checks, so the result does not
/// depend on the order of properties (docs/benchmarks.md "Planning: court list vs register").
/// </remarks>
internal sealed class MagistratesSittingReader(string sourceFile)
{
    private const string Defendant = "DEFENDANT";

    private readonly CapturedArray<Hearing> _hearings = new();
    private JsonTokenType _sitting;
    private JsonScalar _sittingStart;

    /// <summary>Captures the sitting <paramref name="reader"/> is on (a <see cref="JsonElementReader"/>).</summary>
    public bool Capture(ref Utf8JsonReader reader)
    {
        _hearings.Clear();
        _sittingStart = default;
        _sitting = reader.TokenType;
        return reader.TokenType == JsonTokenType.StartObject
            ? JsonCapture.TryCaptureProperties(ref reader, this, CaptureSittingProperty)
            : reader.TrySkip();
    }

    /// <summary>The listings, rejections and warnings of the sitting last captured.</summary>
    public void Emit(string sittingPath, string? courtCode, string courtName, List<ParsedItem<CourtListing>> output)
    {
        if (_sitting != JsonTokenType.StartObject)
        {
            output.Add(Reject(sittingPath, "the sitting is not an object"));
            return;
        }

        var startText = JsonFields.Text(_sittingStart, "sittingStart", null);
        if (!InputDates.TryParseInstant(startText, out var start))
        {
            output.Add(Reject(sittingPath, "sittingStart is missing or not an ISO-8601 timestamp (e.g. 2026-12-24T10:00:00Z): the sitting's defendants cannot be placed"));
            return;
        }

        if (JsonFields.ArrayError(_hearings, "hearing") is { } hearingsError)
        {
            output.Add(Reject(sittingPath, hearingsError));
            return;
        }

        for (var h = 0; h < _hearings.Items.Count; h++)
        {
            if (_hearings.Items[h] is not { } hearing)
            {
                output.Add(Reject(JsonFields.Item(sittingPath, "hearing", h), "the hearing is not an object"));
                continue;
            }

            var hearingType = JsonFields.Text(hearing.HearingType, "hearingType", null);
            EmitCases(hearing.Cases, sittingPath, h, "case", courtCode, courtName, start, hearingType, output);
            EmitCases(hearing.Applications, sittingPath, h, "application", courtCode, courtName, start, hearingType, output);
        }
    }

    // The hearing's and the case's paths are built only for a rejection; a listing's path is built in one go.
    private void EmitCases(
        CapturedArray<Case> cases, string sittingPath, int h, string container, string? courtCode, string courtName, Instant start, string? hearingType, List<ParsedItem<CourtListing>> output)
    {
        if (JsonFields.ArrayError(cases, container) is { } casesError)
        {
            output.Add(Reject(JsonFields.Item(sittingPath, "hearing", h), casesError));
            return;
        }

        for (var c = 0; c < cases.Items.Count; c++)
        {
            if (cases.Items[c] is not { } @case)
            {
                output.Add(Reject(CasePath(sittingPath, h, container, c), $"the {container} is not an object"));
                continue;
            }

            // Current schema: caseUrn; 2024 schema: caseNumber; applications: applicationReference.
            var reference = JsonFields.Text(@case.CaseUrn, "caseUrn", null)
                ?? JsonFields.Text(@case.CaseNumber, "caseNumber", null)
                ?? JsonFields.Text(@case.ApplicationReference, "applicationReference", null);

            if (JsonFields.ArrayError(@case.Parties, "party") is { } partiesError)
            {
                output.Add(Reject(CasePath(sittingPath, h, container, c), partiesError));
                continue;
            }

            for (var p = 0; p < @case.Parties.Items.Count; p++)
            {
                if (@case.Parties.Items[p] is not { } party)
                {
                    output.Add(Reject(PartyPath(sittingPath, h, container, c, p), "the party is not an object"));
                    continue;
                }

                // formats.md §1: only DEFENDANT parties are candidates; respondents, applicants and prosecutors are not.
                var role = JsonFields.Text(party.PartyRole, "partyRole", null);
                if (!string.Equals(role, Defendant, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                EmitDefendant(party, PartyPath(sittingPath, h, container, c, p), courtCode, courtName, start, hearingType, reference, output);
            }
        }
    }

    private void EmitDefendant(
        Party party, string partyPath, string? courtCode, string courtName, Instant start, string? hearingType, string? reference, List<ParsedItem<CourtListing>> output)
    {
        var problems = new RecordProblems(new SourceRef(sourceFile, JsonPath: partyPath));
        if (party.Details is JsonTokenType.None or JsonTokenType.Null)
        {
            output.Add(ParsedItem<CourtListing>.Of(new Rejection(problems.Where, "the defendant has no individualDetails (an organisation, not a person): not matched", IsWarning: true)));
            return;
        }

        if (party.Details != JsonTokenType.StartObject)
        {
            output.Add(Reject(partyPath, "individualDetails is not an object"));
            return;
        }

        var forenames = JoinNames(
            JsonFields.Text(party.Forenames, "individualDetails.individualForenames", problems),
            JsonFields.Text(party.MiddleName, "individualDetails.individualMiddleName", problems));
        var surname = JsonFields.Text(party.Surname, "individualDetails.individualSurname", problems);

        LocalDate? dateOfBirth = null;
        if (party.DateOfBirth.IsPresent)
        {
            if (party.DateOfBirth.Token == JsonTokenType.String && InputDates.TryParseListDateOfBirth(party.DateOfBirth.Text, out var dob))
            {
                dateOfBirth = dob;
            }
            else
            {
                problems.Warn("individualDetails.dateOfBirth ignored: not a date (YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY)");
            }
        }

        var pnc = problems.Pnc(JsonFields.Text(party.PncId, "individualDetails.pncId", problems), "individualDetails.pncId");
        var asn = problems.Asn(JsonFields.Text(party.Asn, "individualDetails.asn", problems), "individualDetails.asn");

        var inCustody = false;
        if (party.InCustody.IsPresent)
        {
            if (party.InCustody.Token is JsonTokenType.True or JsonTokenType.False)
            {
                inCustody = party.InCustody.Token == JsonTokenType.True;
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

    // The capture: one method per object kind, called on a property's name (JsonCapture, CapturedArray); each leaves
    // the reader on the value's last token.
    private static bool CaptureSittingProperty(ref Utf8JsonReader reader, MagistratesSittingReader sitting) =>
        reader.ValueTextEquals("sittingStart"u8) ? JsonFields.TryReadScalar(ref reader, out sitting._sittingStart)
        : reader.ValueTextEquals("hearing"u8) ? sitting._hearings.TryCapture(ref reader, CaptureHearingProperty)
        : reader.TrySkip();

    private static bool CaptureHearingProperty(ref Utf8JsonReader reader, Hearing hearing) =>
        reader.ValueTextEquals("hearingType"u8) ? JsonFields.TryReadScalar(ref reader, out hearing.HearingType)
        : reader.ValueTextEquals("case"u8) ? hearing.Cases.TryCapture(ref reader, CaptureCaseProperty)
        : reader.ValueTextEquals("application"u8) ? hearing.Applications.TryCapture(ref reader, CaptureCaseProperty)
        : reader.TrySkip();

    private static bool CaptureCaseProperty(ref Utf8JsonReader reader, Case @case) =>
        reader.ValueTextEquals("caseUrn"u8) ? JsonFields.TryReadScalar(ref reader, out @case.CaseUrn)
        : reader.ValueTextEquals("caseNumber"u8) ? JsonFields.TryReadScalar(ref reader, out @case.CaseNumber)
        : reader.ValueTextEquals("applicationReference"u8) ? JsonFields.TryReadScalar(ref reader, out @case.ApplicationReference)
        : reader.ValueTextEquals("party"u8) ? @case.Parties.TryCapture(ref reader, CapturePartyProperty)
        : reader.TrySkip();

    private static bool CapturePartyProperty(ref Utf8JsonReader reader, Party party)
    {
        if (reader.ValueTextEquals("partyRole"u8))
        {
            return JsonFields.TryReadScalar(ref reader, out party.PartyRole);
        }

        if (reader.ValueTextEquals("individualDetails"u8))
        {
            // The last individualDetails wins whole, as a repeated property does everywhere else.
            party.ClearDetails();
            return JsonCapture.TryCaptureObject(ref reader, party, CaptureDetailsProperty, out party.Details);
        }

        return reader.TrySkip();
    }

    private static bool CaptureDetailsProperty(ref Utf8JsonReader reader, Party party) =>
        reader.ValueTextEquals("individualForenames"u8) ? JsonFields.TryReadScalar(ref reader, out party.Forenames)
        : reader.ValueTextEquals("individualMiddleName"u8) ? JsonFields.TryReadScalar(ref reader, out party.MiddleName)
        : reader.ValueTextEquals("individualSurname"u8) ? JsonFields.TryReadScalar(ref reader, out party.Surname)
        : reader.ValueTextEquals("dateOfBirth"u8) ? JsonFields.TryReadScalar(ref reader, out party.DateOfBirth)
        : reader.ValueTextEquals("pncId"u8) ? JsonFields.TryReadScalar(ref reader, out party.PncId)
        : reader.ValueTextEquals("asn"u8) ? JsonFields.TryReadScalar(ref reader, out party.Asn)
        : reader.ValueTextEquals("inCustody"u8) ? JsonFields.TryReadScalar(ref reader, out party.InCustody)
        : reader.TrySkip();

    private static string CasePath(string sittingPath, int h, string container, int c) =>
        string.Create(CultureInfo.InvariantCulture, $"{sittingPath}.hearing[{h}].{container}[{c}]");

    private static string PartyPath(string sittingPath, int h, string container, int c, int p) =>
        string.Create(CultureInfo.InvariantCulture, $"{sittingPath}.hearing[{h}].{container}[{c}].party[{p}]");

    private static string? JoinNames(string? forenames, string? middleName) =>
        forenames is null ? middleName : middleName is null ? forenames : forenames + " " + middleName;

    private ParsedItem<CourtListing> Reject(string path, string reason) =>
        ParsedItem<CourtListing>.Of(new Rejection(new SourceRef(sourceFile, JsonPath: path), reason));

    // Captured fields (mutable, reused: see CaptureNodes). Fields rather than properties so the capture can read into them by reference.
    private sealed class Hearing : ICapturedNode
    {
        public JsonScalar HearingType;

        public CapturedArray<Case> Cases { get; } = new();

        public CapturedArray<Case> Applications { get; } = new();

        public void Clear()
        {
            HearingType = default;
            Cases.Clear();
            Applications.Clear();
        }
    }

    private sealed class Case : ICapturedNode
    {
        public JsonScalar CaseUrn;
        public JsonScalar CaseNumber;
        public JsonScalar ApplicationReference;

        public CapturedArray<Party> Parties { get; } = new();

        public void Clear()
        {
            CaseUrn = default;
            CaseNumber = default;
            ApplicationReference = default;
            Parties.Clear();
        }
    }

    private sealed class Party : ICapturedNode
    {
        public JsonScalar PartyRole;
        public JsonTokenType Details;
        public JsonScalar Forenames;
        public JsonScalar MiddleName;
        public JsonScalar Surname;
        public JsonScalar DateOfBirth;
        public JsonScalar PncId;
        public JsonScalar Asn;
        public JsonScalar InCustody;

        public void Clear()
        {
            PartyRole = default;
            ClearDetails();
        }

        public void ClearDetails()
        {
            Details = JsonTokenType.None;
            Forenames = default;
            MiddleName = default;
            Surname = default;
            DateOfBirth = default;
            PncId = default;
            Asn = default;
            InCustody = default;
        }
    }
}
