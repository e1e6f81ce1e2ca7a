using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// The words of an Alert Form (docs/domain.md "The Alert Form"): the boxes ticked, one sentence of context of at most
/// 250 characters, and the subject summary. The sentence and summary carry codes and dates only — never a name,
/// date of birth or identifier, which belong in the client block and only where the recipient is entitled to them.
/// </summary>
public static class AlertWording
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("d MMM yyyy");
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The boxes ticked for an event (000 §1.8 form boxes).</summary>
    public static IReadOnlyList<ChangeBox> Boxes(EventKind kind) => kind switch
    {
        EventKind.RemandedOrSentencedToPrison => [ChangeBox.ChangeOfCaseManagementResponsibility],
        EventKind.ListedForHearing => [ChangeBox.SentToCourtOrCourtAppearance],
        EventKind.TransferredBetweenPrisons => [ChangeBox.TransferredToAnotherPrison],
        EventKind.ReleasedToCommunity => [ChangeBox.Released],
        EventKind.SentToCourt => [ChangeBox.SentToCourtOrCourtAppearance],
        EventKind.ReleasedFromCourt => [ChangeBox.Released, ChangeBox.SentToCourtOrCourtAppearance],
        EventKind.NotReturnedFromCourt => [ChangeBox.NotReturnedFromCourt],
        EventKind.Died => [ChangeBox.Died],
        EventKind.ReleasedToHospital or EventKind.Deported or EventKind.Absconded => [ChangeBox.Other],
        EventKind.ReleaseDateKnown => [ChangeBox.ReleaseDateChanged],
        _ => [ChangeBox.Other],
    };

    /// <summary>The subject summary: the kind of change with codes only, e.g. "transferred (LEI → WKI)".</summary>
    public static string Summary(CareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind switch
        {
            EventKind.RemandedOrSentencedToPrison => $"{Custodial(e.Detail)} ({e.PrisonCode})",
            EventKind.ListedForHearing => $"listed for hearing ({e.CourtCode ?? "court code not known"})",
            EventKind.TransferredBetweenPrisons => $"transferred ({e.PrisonCode} → {e.ToPrisonCode})",
            EventKind.ReleasedToCommunity => $"released ({e.PrisonCode})",
            EventKind.SentToCourt => $"sent to court ({e.PrisonCode} → {e.CourtCode})",
            EventKind.ReleasedFromCourt => $"released from court ({e.CourtCode})",
            EventKind.NotReturnedFromCourt => $"not returned from court ({e.PrisonCode})",
            EventKind.Died => $"died ({e.PrisonCode})",
            EventKind.ReleasedToHospital => $"released to hospital ({e.PrisonCode})",
            EventKind.Deported => $"deported ({e.PrisonCode})",
            EventKind.Absconded => $"absconded ({e.PrisonCode})",
            EventKind.ReleaseDateKnown => $"release date known ({e.PrisonCode})",
            _ => "change of circumstance",
        };
    }

    /// <summary>One sentence of context, at most <see cref="AlertForm.MaxSentenceLength"/> characters, with no name in it.</summary>
    public static string Sentence(CareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var on = Day(e.OccurredAt);
        var sentence = e.Kind switch
        {
            EventKind.RemandedOrSentencedToPrison =>
                $"{Capitalise(Custodial(e.Detail))} by court {e.CourtCode} on {on} and en route to {e.PrisonCode}; the DIR will follow from the CJIT.",
            EventKind.ListedForHearing =>
                $"Listed for hearing at {CourtOf(e)} on {Day(e.HearingStart ?? e.OccurredAt)} at {TimeOfDay(e.HearingStart ?? e.OccurredAt)}{(e.Detail == ListingDetail.InCustody ? ", in custody" : string.Empty)}.",
            EventKind.TransferredBetweenPrisons =>
                $"Transferred from {e.PrisonCode} to {e.ToPrisonCode} on {on}; please confirm receipt and forward the CARAT file.",
            EventKind.ReleasedToCommunity =>
                $"Released from {e.PrisonCode} on {on} (reason {e.Detail}); please make contact and tell the SMT of pick-up or re-engagement.",
            EventKind.SentToCourt =>
                $"Sent from {e.PrisonCode} to court {e.CourtCode} on {on}; the outcome of the hearing is not yet known.",
            EventKind.ReleasedFromCourt =>
                $"Released by court {e.CourtCode} on {on} ({Outcome(e.Detail)}) while held at {e.PrisonCode}; please update the caseload.",
            EventKind.NotReturnedFromCourt when e.ToPrisonCode is not null =>
                $"Not returned from court {e.CourtCode} to {e.PrisonCode}: held at {e.ToPrisonCode} since {on}; please close the caseload and complete the Activity data set.",
            EventKind.NotReturnedFromCourt =>
                $"Sent from {e.PrisonCode} to court {e.CourtCode} and no court result received by {on}; please establish whether the client returned.",
            EventKind.Died => $"Discharged from {e.PrisonCode} on {on}: died.",
            EventKind.ReleasedToHospital => $"Discharged from {e.PrisonCode} to hospital on {on}.",
            EventKind.Deported => $"Discharged from {e.PrisonCode} for deportation on {on}.",
            EventKind.Absconded => $"Recorded as absconded or unlawfully at large from {e.PrisonCode} on {on}.",
            EventKind.ReleaseDateKnown => $"Release date from {e.PrisonCode} is known; release planning should start.",
            _ => "Change of circumstance.",
        };
        return sentence.Length <= AlertForm.MaxSentenceLength ? sentence : sentence[..(AlertForm.MaxSentenceLength - 1)] + "…";
    }

    // A list downloaded without its court code names the court house only (docs/plan.md "Court code").
    private static string CourtOf(CareEvent e) =>
        e.CourtCode is { } code ? $"court {code}" : string.IsNullOrWhiteSpace(e.CourtName) ? "a court whose code is not known" : e.CourtName.Trim();

    private static string Day(Instant instant) => DatePattern.Format(LondonTime.ToLocal(instant).Date);

    private static string TimeOfDay(Instant instant) => TimePattern.Format(LondonTime.ToLocal(instant).TimeOfDay);

    private static string Custodial(string? outcome) => outcome switch
    {
        "SENTENCED_TO_CUSTODY" => "sentenced to custody",
        "COMMITTED_IN_CUSTODY" => "committed in custody",
        _ => "remanded in custody",
    };

    private static string Outcome(string? outcome) => outcome switch
    {
        "BAIL" => "bail",
        "NON_CUSTODIAL" => "non-custodial sentence",
        "NOT_GUILTY" => "not guilty",
        "DISCHARGED" => "discharged",
        _ => "released",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
