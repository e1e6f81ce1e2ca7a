using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using NodaTime;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>Alert Forms for tests, in the shape the core's routing produces (fictional people and teams).</summary>
internal static class SampleAlerts
{
    public static readonly Instant SentAt = Instant.FromUtc(2026, 12, 11, 15, 4, 0);

    /// <summary>An acknowledgement link in the pipeline's shape (<c>{PublicBaseUrl}api/ack/{token}</c>), for forms that ask something.</summary>
    public static readonly Uri AcknowledgementLink = new("https://hub.example.nhs.uk/api/ack/djEuZXhhbXBsZS10b2tlbg");

    public static AlertParty LeedsSmt(string email = "spoc.leeds@hmps.gsi.gov.uk") =>
        new("LEI", "HMP Leeds", OrgType.PrisonSmt, "Sam Carter", email, "0113 203 2600", null);

    public static AlertParty WakefieldSmt(string email = "smt.wakefield@hmps.gov.uk") =>
        new("WDI", "HMP Wakefield", OrgType.PrisonSmt, null, email, "01924 612 000", null);

    public static AlertParty LeedsCjit(string email = "cjit.leeds@nhs.net") =>
        new("CJ-LDS", "Leeds CJIT", OrgType.Cjit, "Priya Shah", email, "0113 000 1111", "0800 000 2222");

    /// <summary>A transfer between prisons notified to the receiving SMT, with the home CJIT sending (000 §PP8).</summary>
    public static AlertForm Transfer(string id = "a1b2c3d4e5f60718", AlertParty? to = null, AlertParty? from = null) => new(
        id,
        "CC-2026-000123",
        EventKind.TransferredBetweenPrisons,
        "000 §PP8",
        from ?? LeedsCjit(),
        to ?? WakefieldSmt(),
        new AlertClientDetails("CL-000042", "Jordan O'Neil-Smith", new LocalDate(1988, 3, 14), "A1234BC", "2012/0123456X"),
        [ChangeBox.TransferredToAnotherPrison],
        "Transferred from HMP Leeds to HMP Wakefield this morning; methadone 40 ml daily continues & <DIR> follows.",
        "transferred (HMP Leeds → HMP Wakefield)",
        new AlertRequest("ob-77", "smt.clinical-assessment", "Assess clinical needs on reception.", Instant.FromUtc(2026, 12, 12, 15, 4, 0)),
        "TransferredBetweenPrisons → SMT of receiving prison (000 §PP8); directory v3; consent: yes",
        Instant.FromUtc(2026, 12, 11, 15, 0, 0));

    /// <summary>A release notice to the home CJIT with no personal details and nothing asked (minimised recipient).</summary>
    public static AlertForm ReleaseWithoutPersonalDetails(string id = "f00dfeedcafe0001") => new(
        id,
        "CC-2026-000124",
        EventKind.ReleasedToCommunity,
        "000 §PP9",
        null,
        LeedsCjit(),
        new AlertClientDetails("CL-000043", null, null, null, null),
        [ChangeBox.Released, ChangeBox.Other],
        "Released on licence.",
        "released (HMP Leeds)",
        null,
        "ReleasedToCommunity → home CJIT (000 §PP9); directory v3; legal basis: RA",
        Instant.FromUtc(2026, 7, 1, 8, 0, 0));
}
