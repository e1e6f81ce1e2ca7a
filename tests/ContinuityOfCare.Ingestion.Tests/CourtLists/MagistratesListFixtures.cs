namespace ContinuityOfCare.Ingestion.Tests.CourtLists;

/// <summary>
/// Magistrates Standard Lists written for these tests in the shape of each HMCTS schema revision (formats.md §1);
/// people and identifiers are invented.
/// </summary>
internal static class MagistratesListFixtures
{
    /// <summary>Current schema: caseUrn, ISO dateOfBirth, pncId/asn; respondent, prosecutor and application parties that are not defendants.</summary>
    public const string Current = """
        {
          "document": { "publicationDate": "2026-12-23T16:00:00.000Z" },
          "venue": { "venueAddress": { "line": ["1 Court Street"], "town": "Leeds", "postCode": "LS1 3BG" } },
          "courtLists": [
            {
              "courtHouse": {
                "courtHouseName": "Leeds Magistrates' Court",
                "lja": "West Yorkshire",
                "courtRoom": [
                  {
                    "courtRoomName": "Courtroom 1",
                    "session": [
                      {
                        "judiciary": [ { "johKnownAs": "District Judge", "isPresiding": true } ],
                        "sittings": [
                          {
                            "sittingStart": "2026-12-24T10:00:00.000Z",
                            "hearing": [
                              {
                                "hearingType": "First hearing",
                                "panel": "ADULT",
                                "channel": ["In person"],
                                "case": [
                                  {
                                    "caseUrn": "13LS1234567",
                                    "caseSequenceIndicator": "1 of 1",
                                    "reportingRestriction": false,
                                    "party": [
                                      {
                                        "partyRole": "RESPONDENT",
                                        "individualDetails": { "individualForenames": "Rita", "individualSurname": "Respondent", "dateOfBirth": "1950-01-01" }
                                      },
                                      {
                                        "partyRole": "DEFENDANT",
                                        "individualDetails": {
                                          "individualForenames": "Dean",
                                          "individualMiddleName": "Anthony",
                                          "individualSurname": "Taylor",
                                          "dateOfBirth": "1983-01-02",
                                          "age": 43,
                                          "address": { "line": ["1 Any Street"], "town": "Leeds", "postCode": "LS6 2AB" },
                                          "inCustody": true,
                                          "gender": "male",
                                          "asn": "2601ZD010000448754K",
                                          "pncId": "2004/0046583U"
                                        },
                                        "offence": [ { "offenceCode": "TH68010", "offenceTitle": "Theft from a shop", "plea": "NOT_GUILTY" } ]
                                      },
                                      { "partyRole": "PROSECUTING_AUTHORITY", "organisationDetails": { "organisationName": "CPS" } }
                                    ]
                                  }
                                ],
                                "application": [
                                  {
                                    "applicationReference": "APP1",
                                    "applicationType": "Warrant",
                                    "party": [
                                      { "partyRole": "APPLICANT", "subject": true, "individualDetails": { "individualForenames": "Alan", "individualSurname": "Applicant", "inCustody": true } }
                                    ]
                                  }
                                ]
                              }
                            ]
                          },
                          {
                            "sittingStart": "2026-12-24T14:00:00Z",
                            "hearing": [
                              {
                                "hearingType": "Sentence",
                                "case": [
                                  {
                                    "caseUrn": "13LS7654321",
                                    "party": [
                                      { "partyRole": "DEFENDANT", "individualDetails": { "individualForenames": "Emma", "individualSurname": "Shaw" } }
                                    ]
                                  }
                                ]
                              }
                            ]
                          }
                        ]
                      }
                    ]
                  }
                ]
              }
            }
          ]
        }
        """;

    /// <summary>The early-2026 revision: the same shape without pncId.</summary>
    public const string Older = """
        {
          "document": { "publicationDate": "2026-01-23T16:00:00.000Z" },
          "venue": { "venueAddress": { "line": ["1 Court Street"], "town": "Leeds" } },
          "courtLists": [ { "courtHouse": { "courtHouseName": "Leeds Magistrates' Court", "courtRoom": [ { "courtRoomName": "Courtroom 2", "session": [ { "sittings": [
            { "sittingStart": "2026-01-26T09:30:52.123Z", "hearing": [ { "hearingType": "Trial", "case": [ { "caseUrn": "13LS1111111", "party": [
              { "partyRole": "DEFENDANT", "individualDetails": { "individualForenames": "Kyle", "individualSurname": "Marsh", "dateOfBirth": "1990-06-15", "asn": "ABC1234", "gender": "male" } }
            ] } ] } ] }
          ] } ] } ] } } ]
        }
        """;

    /// <summary>The 2024 schema: caseNumber, DD/MM/YYYY dateOfBirth, sittingEnd, title, plea on the individual, locationDetails, venueName.</summary>
    public const string Schema2024 = """
        {
          "document": { "publicationDate": "2024-03-01T23:30:52.123Z", "version": "1.0" },
          "locationDetails": { "jurisdiction": "Crime court" },
          "venue": { "venueName": "Bradford", "venueAddress": { "line": ["Exchange Square"], "town": "Bradford", "postCode": "BD1 1JA" } },
          "courtLists": [ { "courtHouse": { "courtRoom": [ { "courtRoomName": "Courtroom 3", "session": [ { "judiciary": [ { "johTitle": "Judge", "johNameSurname": "Bench", "role": "JUDGE", "isPresiding": true } ], "sittings": [
            { "sittingStart": "2024-03-13T13:30:52.123Z", "sittingEnd": "2024-03-13T16:00:52.123Z", "channel": ["VIDEO HEARING"], "hearing": [ { "hearingType": "mda", "case": [ { "caseNumber": "45684548", "caseSequenceIndicator": "2 of 3", "informant": { "prosecutionAuthorityCode": "CPS" }, "party": [
              { "partyRole": "DEFENDANT", "friendlyRoleName": "Accused", "individualDetails": { "title": "Mr", "individualForenames": "Gary", "individualMiddleName": "John", "individualSurname": "Walsh", "dateOfBirth": "02/01/1983", "age": 41, "inCustody": true, "plea": "NOT_GUILTY" } },
              { "partyRole": "DEFENDANT", "individualDetails": { "title": "Ms", "individualForenames": "Jade", "individualSurname": "Moss", "dateOfBirth": "05-11-1999", "inCustody": false, "plea": "GUILTY" } }
            ] } ] } ] }
          ] } ] } ] } } ]
        }
        """;

    /// <summary>A list whose only defendant's individualDetails are given by <paramref name="details"/> (JSON object members).</summary>
    public static string WithDefendant(string details) =>
        "{\"courtLists\":[{\"courtHouse\":{\"courtHouseName\":\"Leeds\",\"courtRoom\":[{\"session\":[{\"sittings\":[{\"sittingStart\":\"2026-12-24T10:00:00Z\",\"hearing\":[{\"case\":[{\"caseUrn\":\"1\",\"party\":["
        + "{\"partyRole\":\"DEFENDANT\",\"individualDetails\":{" + details + "}}"
        + "]}]}]}]}]}]}}]}";
}
