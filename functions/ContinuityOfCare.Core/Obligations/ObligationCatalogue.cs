using System.Collections;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// docs/domain.md "Obligations and their deadlines": every rule of the table as data, with its configured deadline, plus
/// the escalation policy and the non-return wait. Build once at start-up with <see cref="From"/> (validated) or use
/// <see cref="Default"/>; immutable and thread-safe.
/// </summary>
public sealed class ObligationCatalogue : IReadOnlyCollection<ObligationRule>
{
    private readonly IReadOnlyList<ObligationRule> _rules;
    private readonly Dictionary<string, ObligationRule> _byId;

    private ObligationCatalogue(IReadOnlyList<ObligationRule> rules, EscalationPolicy escalation, Duration nonReturnWait)
    {
        _rules = rules;
        _byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Escalation = escalation;
        NonReturnWait = nonReturnWait;
    }

    /// <summary>The catalogue with docs/domain.md's defaults.</summary>
    public static ObligationCatalogue Default { get; } = From(new ObligationOptions());

    /// <summary>docs/domain.md "Escalation": the grace before levels 2 and 3.</summary>
    public EscalationPolicy Escalation { get; }

    /// <summary>How long a <c>SentToCourt</c> may stay unresolved before the non-return is established.</summary>
    public Duration NonReturnWait { get; }

    /// <summary>
    /// Which event opens which rule, for whom, from when (<see cref="ObligationTrigger"/>), in the order one event's
    /// obligations are opened.
    /// </summary>
    public IReadOnlyList<ObligationTrigger> Triggers => ObligationTriggers.All;

    /// <summary>The triggers <paramref name="e"/> fires, in table order, each with its rule.</summary>
    public IEnumerable<(ObligationTrigger Trigger, ObligationRule Rule)> Opens(CareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Triggers.Where(t => t.Applies(e)).Select(t => (t, this[t.RuleId]));
    }

    /// <summary>The rules, in docs/domain.md's table order.</summary>
    public IReadOnlyList<ObligationRule> Rules => _rules;

    /// <inheritdoc />
    public int Count => _rules.Count;

    /// <summary>The rule with id <paramref name="ruleId"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such rule (the message lists the known ids).</exception>
    public ObligationRule this[string ruleId] =>
        TryGet(ruleId, out var rule)
            ? rule
            : throw new KeyNotFoundException($"Unknown obligation rule id \"{ruleId}\". Known ids: {string.Join(", ", RuleIds.All)}.");

    /// <summary>Builds the catalogue from <paramref name="options"/> after validating them.</summary>
    /// <exception cref="ObligationOptionsException">The options are invalid (the message lists every problem).</exception>
    public static ObligationCatalogue From(ObligationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ObligationOptionsException(errors);
        }

        var twentyFour = new DeadlineRule.TwentyFourHourRule(
            options.TwentyFourHourRuleHours, LocalTime.FromTimeOnly(options.NextWorkingDayStart));
        const string Acknowledged = "acknowledged by the owner (signed link or API)";
        ObligationRule[] rules =
        [
            new(RuleIds.CjitDirToPrison, "RemandedOrSentencedToPrison(P), from the moment the hub learned of it", OwnerRole.HomeCjit,
                "send the DIR and relevant information to P's SMT via its SPOC, and phone to alert", twentyFour,
                Acknowledged + ", by the CJIT or P's SMT", "000 Part 1"),
            new(RuleIds.SmtClinicalAssessment, "reception at P", OwnerRole.PrisonSmt,
                "assess clinical needs", new DeadlineRule.HoursAfter(options.ClinicalAssessmentHours), Acknowledged, "000 §PP2, §PP4"),
            new(RuleIds.SmtKeyworker, "reception at P", OwnerRole.PrisonSmt,
                "appoint a CARAT keyworker", new DeadlineRule.HoursAfter(options.KeyworkerHours), Acknowledged, "000 §PP4 \"Day 1\""),
            new(RuleIds.SmtNewDirIfNone, "reception at P, no DIR acknowledged by then", OwnerRole.PrisonSmt,
                "open a new DIR", new DeadlineRule.HoursAfter(options.NewDirIfNoneHours), Acknowledged, "000 §PP4"),
            new(RuleIds.SmtTriageAssessment, "referral (= reception unless stated)", OwnerRole.PrisonSmt,
                "engage; complete the Substance Misuse Triage Assessment", new DeadlineRule.CalendarDaysAfter(options.TriageAssessmentDays),
                Acknowledged, "000 §PP2, §PP4"),
            new(RuleIds.SmtCarePlan, "reception at P", OwnerRole.PrisonSmt,
                "Comprehensive Substance Misuse Assessment and care plan", new DeadlineRule.EndOfDayNumber(options.CarePlanDay),
                Acknowledged, "000 §PP4 \"Day 5\""),
            new(RuleIds.SmtRemandDirUpdate, "reception on remand", OwnerRole.PrisonSmt,
                "send the updated DIR to the local CJIT", new DeadlineRule.CalendarDaysAfter(options.RemandDirUpdateDays),
                Acknowledged, "001 pathway \"Days 2 and 3\""),
            new(RuleIds.SmtTransferNotice, "TransferredBetweenPrisons(P→Q)", OwnerRole.SendingSmt,
                "Alert Form to Q and the CJIT", DeadlineRule.EndOfStartDay.Instance, Acknowledged, "000 §PP8"),
            new(RuleIds.SmtCaratFile, "a receiving team asks for a missing CARAT file", OwnerRole.SendingSmt,
                "forward the CARAT file", twentyFour, Acknowledged + ", by either team", "000 §PP2, §PP8"),
            new(RuleIds.SmtReleasePlanning, "ReleaseDateKnown(d)", OwnerRole.PrisonSmt,
                "start joint release planning with the CJIT and send the release plan", new DeadlineRule.WeeksBefore(options.ReleasePlanningWeeks),
                Acknowledged + "; later data that proves it (a transfer out closes it)", "000 §PP7, 2011 note §PP9"),
            new(RuleIds.AnyReleasePlanChange, "a reported change to an agreed release plan", OwnerRole.PartyThatChanged,
                "Alert Form to the other party", new DeadlineRule.HoursAfter(options.ReleasePlanChangeHours), Acknowledged, "000 §PP7"),
            new(RuleIds.CjitPostReleaseContact, "ReleasedToCommunity", OwnerRole.HomeCjit,
                "tell the SMT of pick-up / re-engagement", new DeadlineRule.WorkingDaysAfter(options.PostReleaseContactWorkingDays),
                Acknowledged, "000 §PP9"),
            new(RuleIds.CjitReleasedFromCourt, "ReleasedFromCourt", OwnerRole.HomeCjit,
                "tell the sending SMT", new DeadlineRule.HoursAfter(options.ReleasedFromCourtHours), Acknowledged, "000 §PP13"),
            new(RuleIds.SmtNonReturnClose, "NotReturnedFromCourt, once the non-return is established", OwnerRole.SendingSmt,
                "close the caseload and complete the Activity data set", new DeadlineRule.CalendarDaysAfter(options.NonReturnCloseDays),
                Acknowledged, "000 §PP13"),
            new(RuleIds.SmtActivityClose, "transfer out, release", OwnerRole.PrisonSmt,
                "complete the Activity minimum data set", new DeadlineRule.WorkingDaysAfter(options.ActivityCloseWorkingDays),
                Acknowledged, "000 2011 note"),
            new(RuleIds.ProbationPsrToPrison, "sentenced to custody (when probation is in the directory)", OwnerRole.Probation,
                "send the PSR to the prison", new DeadlineRule.HoursAfter(options.PsrToPrisonHours), Acknowledged, "003 §4.7.2"),
        ];

        return new ObligationCatalogue(
            rules,
            new EscalationPolicy(options.EscalationLevel2GraceWorkingDays, options.EscalationLevel3GraceWorkingDays),
            Duration.FromHours(options.NonReturnWaitHours));
    }

    /// <summary>Looks up a rule by id (ordinal, case-sensitive).</summary>
    public bool TryGet(string? ruleId, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ObligationRule rule)
    {
        if (ruleId is null)
        {
            rule = null;
            return false;
        }

        return _byId.TryGetValue(ruleId, out rule);
    }

    /// <summary>The due instant of rule <paramref name="ruleId"/> started at <paramref name="start"/>.</summary>
    /// <exception cref="KeyNotFoundException">Unknown rule id.</exception>
    /// <exception cref="CalendarCoverageException">The deadline needs a year the calendar does not cover.</exception>
    public DueInstant Due(string ruleId, Instant start, WorkingCalendar calendar, LocalDate? referenceDate = null) =>
        DeadlineCalculator.Due(this[ruleId].Deadline, start, calendar, referenceDate);

    /// <inheritdoc />
    public IEnumerator<ObligationRule> GetEnumerator() => _rules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
