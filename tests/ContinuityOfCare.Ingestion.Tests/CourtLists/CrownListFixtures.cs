namespace ContinuityOfCare.Ingestion.Tests.CourtLists;

/// <summary>Crown Daily Lists (PDDA) written for these tests in the shape of both revisions (formats.md §1); people invented.</summary>
internal static class CrownListFixtures
{
    /// <summary>Current revision: CourtHouseCode an integer, CitizenNameForename an array, Address.PostCode.</summary>
    public const string Current = """
        {
          "DailyList": {
            "DocumentID": { "UniqueID": "DL-1", "DocumentType": "DL" },
            "ListHeader": { "StartDate": "2026-07-01", "EndDate": "2026-07-01", "Version": "1.0", "PublishedTime": "2026-06-30T16:00:00Z" },
            "CrownCourt": { "CourtHouseType": "Crown Court", "CourtHouseCode": 439, "CourtHouseName": "Leeds Crown Court" },
            "CourtLists": [
              {
                "CourtHouse": { "CourtHouseType": "Crown Court", "CourtHouseCode": 439, "CourtHouseName": "Leeds Crown Court" },
                "Sittings": [
                  {
                    "CourtRoomNumber": 1,
                    "SittingAt": "10:00:00",
                    "Judiciary": { "Judge": { "CitizenNameSurname": "Bench" } },
                    "Hearings": [
                      {
                        "HearingSequenceNumber": 1,
                        "HearingDetails": { "HearingDescription": "Trial", "HearingType": "TRL" },
                        "CaseNumber": "T20261234",
                        "CaseNumberCaTH": "T20261234",
                        "Defendants": [
                          {
                            "PersonalDetails": {
                              "Name": { "CitizenNameForename": ["Dean", "Anthony"], "CitizenNameSurname": "Taylor" },
                              "IsMasked": "no",
                              "DateOfBirth": { "BirthDate": "1983-01-02", "VerifiedBy": "not verified" },
                              "Sex": "male",
                              "Address": { "Line": ["1 Any Street"], "PostCode": "LS6 2AB" }
                            },
                            "URN": "13LS1234567",
                            "PrisonerID": "A1234BC",
                            "PrisonLocation": { "Location": ["HMP Leeds"] },
                            "Charges": [ { "OffenceStatement": "Theft" } ]
                          },
                          {
                            "PersonalDetails": {
                              "Name": { "CitizenNameForename": ["Hidden"], "CitizenNameSurname": "Person" },
                              "IsMasked": "yes",
                              "MaskedName": "A.B.",
                              "DateOfBirth": { "BirthDate": "2008-05-06" }
                            }
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
        """;

    /// <summary>Earlier revision: CourtHouseCode a string, CitizenNameForename a string, Address.Postcode, HearingDetails.HearingDate, a ReserveList.</summary>
    public const string Older = """
        {
          "DailyList": {
            "DocumentID": { "UniqueID": "DL-2", "DocumentType": "DL", "Version": "1.0" },
            "ListHeader": { "StartDate": "2026-12-23", "PublishedTime": "2026-12-22T10:00:00Z", "Version": "1.0" },
            "CrownCourt": { "CourtHouseType": "Crown Court", "CourtHouseCode": "0439", "CourtHouseName": "Leeds Crown Court" },
            "CourtLists": [
              {
                "CourtHouse": { "CourtHouseType": "Crown Court", "CourtHouseCode": "0439", "CourtHouseName": "Leeds Crown Court (Annexe)" },
                "Sittings": [
                  {
                    "CourtRoomNumber": 5,
                    "SittingAt": "14:00:00",
                    "SittingSequenceNo": "1",
                    "Judiciary": { "Judge": { "CitizenNameForename": "Judge", "CitizenNameSurname": "Bench" } },
                    "Hearings": [
                      {
                        "HearingSequenceNumber": 1,
                        "HearingDetails": { "HearingDescription": "Sentence", "HearingType": "SEN", "HearingDate": "2026-12-24", "HearingEndDate": "2026-12-24" },
                        "CaseNumber": "T20269999",
                        "CaseNumberCaTH": "T20269999",
                        "Defendants": [
                          {
                            "PersonalDetails": {
                              "Name": { "CitizenNameForename": "Jade", "CitizenNameSurname": "Moss" },
                              "IsMasked": "no",
                              "DateOfBirth": { "BirthDate": "1999-11-05" },
                              "Address": { "Line": ["2 Any Street"], "Postcode": "WF1 1AA" }
                            },
                            "PrisonerID": "B2345CD"
                          }
                        ]
                      }
                    ]
                  }
                ]
              }
            ],
            "ReserveList": [
              { "CaseNumber": "T20260001", "HearingDetails": { "HearingDate": "2026-12-24" }, "Defendants": [ { "PersonalDetails": { "Name": { "CitizenNameForename": "Reserve", "CitizenNameSurname": "Case" }, "IsMasked": "yes" } } ] }
            ]
          }
        }
        """;
}
