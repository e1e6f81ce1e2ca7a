using System.Globalization;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// Every number of docs/domain.md's obligation table and "Escalation" section, as configuration (section
/// <see cref="SectionName"/>) with the guidance's defaults. docs/domain.md: "Every number above is configuration with
/// these defaults, not a literal in code." Settable properties so the host can bind configuration; call
/// <see cref="Validate"/> (or <see cref="ObligationCatalogue.From"/>, which does) at start-up.
/// </summary>
public sealed class ObligationOptions
{
    /// <summary>The configuration section: keys are <c>Obligations:&lt;PropertyName&gt;</c>.</summary>
    public const string SectionName = "Obligations";

    /// <summary>000 Part 1, §PP2: the 24h rule's window in hours (cjit.dir-to-prison, smt.carat-file).</summary>
    public int TwentyFourHourRuleHours { get; set; } = 24;

    /// <summary>000 Part 1, §PP2: "by 9am on the next working day" — local wall-clock time.</summary>
    public TimeOnly NextWorkingDayStart { get; set; } = new(9, 0);

    /// <summary>000 §PP2, §PP4: smt.clinical-assessment, hours after entry.</summary>
    public int ClinicalAssessmentHours { get; set; } = 24;

    /// <summary>000 §PP4 "Day 1": smt.keyworker, hours after entry.</summary>
    public int KeyworkerHours { get; set; } = 24;

    /// <summary>000 §PP4: smt.new-dir-if-none, hours after entry.</summary>
    public int NewDirIfNoneHours { get; set; } = 24;

    /// <summary>000 §PP2, §PP4: smt.triage-assessment, days after referral.</summary>
    public int TriageAssessmentDays { get; set; } = 3;

    /// <summary>000 §PP4 "Day 5": smt.care-plan, end of day k (entry day = day 1).</summary>
    public int CarePlanDay { get; set; } = 5;

    /// <summary>001 pathway "Days 2 and 3": smt.remand-dir-update, days after entry.</summary>
    public int RemandDirUpdateDays { get; set; } = 3;

    /// <summary>000 §PP7 (6 weeks; it wins over 3 weeks in 001 §9.3.3): smt.release-planning, weeks before the release date.</summary>
    public int ReleasePlanningWeeks { get; set; } = 6;

    /// <summary>000 §PP7: any.release-plan-change, hours after the change.</summary>
    public int ReleasePlanChangeHours { get; set; } = 24;

    /// <summary>000 §PP9: cjit.post-release-contact, working days after release.</summary>
    public int PostReleaseContactWorkingDays { get; set; } = 5;

    /// <summary>000 §PP13: cjit.released-from-court, hours after release.</summary>
    public int ReleasedFromCourtHours { get; set; } = 24;

    /// <summary>000 §PP13: smt.non-return-close, days after the non-return is established.</summary>
    public int NonReturnCloseDays { get; set; } = 7;

    /// <summary>000 2011 note: smt.activity-close, working days after the transfer out or release.</summary>
    public int ActivityCloseWorkingDays { get; set; } = 5;

    /// <summary>003 §4.7.2: probation.psr-to-prison, hours after sentence.</summary>
    public int PsrToPrisonHours { get; set; } = 24;

    /// <summary>
    /// docs/domain.md "The journey as events" (NotReturnedFromCourt): hours a <c>SentToCourt</c> may stay unresolved by a
    /// court result before the non-return is treated as established. The guidance gives no number; 24 is the hub's
    /// default (one court day).
    /// </summary>
    public int NonReturnWaitHours { get; set; } = 24;

    /// <summary>docs/domain.md "Escalation": working days of grace after level 1 is sent before level 2 (default 1).</summary>
    public int EscalationLevel2GraceWorkingDays { get; set; } = 1;

    /// <summary>docs/domain.md "Escalation": working days of grace after level 2 is sent before level 3 (the hub's default 1; the guidance gives none).</summary>
    public int EscalationLevel3GraceWorkingDays { get; set; } = 1;

    /// <summary>Every problem with these values, one clear sentence each naming the configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, nameof(TwentyFourHourRuleHours), TwentyFourHourRuleHours, 1, 168, "hours (the 24h rule's window)");
        Check(errors, nameof(ClinicalAssessmentHours), ClinicalAssessmentHours, 1, 720, "hours after entry");
        Check(errors, nameof(KeyworkerHours), KeyworkerHours, 1, 720, "hours after entry");
        Check(errors, nameof(NewDirIfNoneHours), NewDirIfNoneHours, 1, 720, "hours after entry");
        Check(errors, nameof(TriageAssessmentDays), TriageAssessmentDays, 1, 366, "days after referral");
        Check(errors, nameof(CarePlanDay), CarePlanDay, 1, 366, "the day number, entry day = day 1");
        Check(errors, nameof(RemandDirUpdateDays), RemandDirUpdateDays, 1, 366, "days after entry");
        Check(errors, nameof(ReleasePlanningWeeks), ReleasePlanningWeeks, 1, 52, "weeks before the release date");
        Check(errors, nameof(ReleasePlanChangeHours), ReleasePlanChangeHours, 1, 720, "hours after the change");
        Check(errors, nameof(PostReleaseContactWorkingDays), PostReleaseContactWorkingDays, 1, 260, "working days after release");
        Check(errors, nameof(ReleasedFromCourtHours), ReleasedFromCourtHours, 1, 720, "hours after release");
        Check(errors, nameof(NonReturnCloseDays), NonReturnCloseDays, 1, 366, "days after the non-return is established");
        Check(errors, nameof(ActivityCloseWorkingDays), ActivityCloseWorkingDays, 1, 260, "working days after the transfer or release");
        Check(errors, nameof(PsrToPrisonHours), PsrToPrisonHours, 1, 720, "hours after sentence");
        Check(errors, nameof(NonReturnWaitHours), NonReturnWaitHours, 1, 720, "hours before a non-return is established");
        Check(errors, nameof(EscalationLevel2GraceWorkingDays), EscalationLevel2GraceWorkingDays, 1, 60, "working days after level 1");
        Check(errors, nameof(EscalationLevel3GraceWorkingDays), EscalationLevel3GraceWorkingDays, 1, 60, "working days after level 2");
        if (NextWorkingDayStart > new TimeOnly(23, 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(NextWorkingDayStart)} must be a time of day no later than 23:00 (the 24h rule's \"9am on the next working day\"); it is {NextWorkingDayStart:HH\\:mm}."));
        }

        return errors;
    }

    private static void Check(List<string> errors, string key, int value, int min, int max, string meaning)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{key} must be a whole number from {min} to {max} ({meaning}); it is {value}."));
        }
    }
}
