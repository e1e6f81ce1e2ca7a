namespace ContinuityOfCare.Core.Alerts;

/// <summary>The printed wording of each <see cref="ChangeBox"/> (docs/domain.md "The Alert Form").</summary>
public static class ChangeBoxLabels
{
    /// <summary>Every box in form order: a rendered form shows all of them, ticked or not.</summary>
    public static IReadOnlyList<ChangeBox> All { get; } = Enum.GetValues<ChangeBox>();

    /// <summary>The box's label as printed on the form.</summary>
    public static string Label(this ChangeBox box) => box switch
    {
        ChangeBox.TransferredToAnotherPrison => "Transferred to another prison",
        ChangeBox.Released => "Released",
        ChangeBox.SentToCourtOrCourtAppearance => "Sent to court / court appearance",
        ChangeBox.CourtDateChanged => "Court date changed",
        ChangeBox.ReleaseDateChanged => "Release date changed",
        ChangeBox.Died => "Died",
        ChangeBox.ChangeOfCaseManagementResponsibility => "Change of case-management responsibility",
        ChangeBox.ChangeOfTreatment => "Change of treatment",
        ChangeBox.ReleasePlanChanged => "Release plan changed",
        ChangeBox.AcceptedOntoCaseload => "Accepted onto caseload",
        ChangeBox.MetAtGateOrContactMadeAfterRelease => "Met at gate / contact made after release",
        ChangeBox.NotReturnedFromCourt => "Not returned from court",
        ChangeBox.Other => "Other",
        _ => throw new ArgumentOutOfRangeException(nameof(box), box, "unknown box"),
    };
}
