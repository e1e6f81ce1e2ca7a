using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Core.Time;

/// <summary>
/// How a due instant follows from a start instant: the closed set of rule kinds docs/domain.md "Time, days and the
/// 24-hour rule" defines. Each kind is a nested sealed record; <see cref="DeadlineCalculator"/> evaluates them.
/// Day-based kinds end at <see cref="EndOfDay"/> local time.
/// </summary>
public abstract record DeadlineRule
{
    /// <summary>
    /// The end of a local day: 23:59:59 Europe/London exactly (docs/domain.md: "the end of a local day (23:59:59
    /// Europe/London)"). Anything after 23:59:59.000 is after the deadline.
    /// </summary>
    public static readonly LocalTime EndOfDay = new(23, 59, 59);

    private DeadlineRule()
    {
    }

    /// <summary>A short description of the rule with its numbers, e.g. "5 working days after".</summary>
    public abstract string Describe();

    /// <summary>True for rules that count back from a date the event supplies (<see cref="WeeksBefore"/>).</summary>
    public virtual bool NeedsReferenceDate => false;

    /// <summary>docs/domain.md: "N hours after t": <c>t + N hours</c>, elapsed (a DST change does not make it N±1).</summary>
    /// <param name="Hours">N, at least 1.</param>
    public sealed record HoursAfter(int Hours) : DeadlineRule
    {
        /// <summary>N, at least 1.</summary>
        public int Hours { get; } = Positive(Hours);

        /// <inheritdoc />
        public override string Describe() => $"{Hours} hours after (elapsed)";
    }

    /// <summary>
    /// 000 Part 1, §PP2 "the 24-hour rule": within <see cref="Hours"/> hours; if the window <c>(t, t+24h]</c>
    /// touches a non-working day, by <see cref="NextWorkingDayTime"/> on the first working day after the last
    /// non-working day it touches — never earlier than <c>t+24h</c>.
    /// </summary>
    /// <param name="Hours">The window length, 24 by default, at least 1.</param>
    /// <param name="NextWorkingDayTime">Local wall-clock time on the next working day, 09:00 by default.</param>
    public sealed record TwentyFourHourRule(int Hours, LocalTime NextWorkingDayTime) : DeadlineRule
    {
        /// <summary>The rule with the guidance's numbers: 24 hours, 09:00.</summary>
        public static TwentyFourHourRule Standard { get; } = new(24, new LocalTime(9, 0));

        /// <summary>The window length, at least 1.</summary>
        public int Hours { get; } = Positive(Hours);

        /// <inheritdoc />
        public override string Describe() =>
            $"24h rule: {Hours} hours, or {LocalTimePattern.ExtendedIso.Format(NextWorkingDayTime)[..5]} on the next working day " +
            "after non-working days the window touches, whichever is later";
    }

    /// <summary>docs/domain.md: "N days after t": the end of the local day N calendar days after t's local date.</summary>
    /// <param name="Days">N, at least 1.</param>
    public sealed record CalendarDaysAfter(int Days) : DeadlineRule
    {
        /// <summary>N, at least 1.</summary>
        public int Days { get; } = Positive(Days);

        /// <inheritdoc />
        public override string Describe() => $"end of the day {Days} days after";
    }

    /// <summary>docs/domain.md: "End of day k (entry day = day 1)" is "k−1 days after", ending at the end of the local day.</summary>
    /// <param name="Day">k, at least 1 (1 = the start's own day).</param>
    public sealed record EndOfDayNumber(int Day) : DeadlineRule
    {
        /// <summary>k, at least 1.</summary>
        public int Day { get; } = Positive(Day);

        /// <inheritdoc />
        public override string Describe() => $"end of day {Day} (entry day = day 1)";
    }

    /// <summary>
    /// docs/domain.md: "N working days after t": the end of the Nth working day after t's local date; t's own day never
    /// counts, even when it is a working day.
    /// </summary>
    /// <param name="Days">N, at least 1.</param>
    public sealed record WorkingDaysAfter(int Days) : DeadlineRule
    {
        /// <summary>N, at least 1.</summary>
        public int Days { get; } = Positive(Days);

        /// <inheritdoc />
        public override string Describe() => $"end of the {Ordinal(Days)} working day after";
    }

    /// <summary>docs/domain.md: "End of the day of t": the end of t's local day.</summary>
    public sealed record EndOfStartDay : DeadlineRule
    {
        /// <summary>The only instance.</summary>
        public static EndOfStartDay Instance { get; } = new();

        /// <inheritdoc />
        public override string Describe() => "end of the same day";
    }

    /// <summary>
    /// docs/domain.md: "N weeks before date d": the end of the local day <c>d − 7N days</c>; 000 §PP7 with the obligation
    /// table: if that is already past at the start, due as soon as possible (= the start) and flagged late from the start.
    /// </summary>
    /// <param name="Weeks">N, at least 1.</param>
    public sealed record WeeksBefore(int Weeks) : DeadlineRule
    {
        /// <summary>N, at least 1.</summary>
        public int Weeks { get; } = Positive(Weeks);

        /// <inheritdoc />
        public override bool NeedsReferenceDate => true;

        /// <inheritdoc />
        public override string Describe() => $"end of the day {Weeks} weeks before the date (as soon as possible if already past)";
    }

    private static int Positive(int value) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A deadline rule's number must be at least 1.");

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
