using ContinuityOfCare.Core.Time;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>Properties of docs/domain.md "Time, days and the 24-hour rule" over random starts in 2025 – November 2028.</summary>
public sealed class DeadlinePropertyTests
{
    private static readonly WorkingCalendar Calendar = EnglandAndWales2025To2028;
    private static readonly Instant From = London("2025-01-01T00:00");
    // Starts end on 30 Nov 2028 so that the longest rule drawn (10 working days, plus the 12-day pair offset) stays
    // inside the calendar's last covered year: a start in mid-December 2028 would reach January 2029 and (correctly)
    // throw CalendarCoverageException, which once made these properties fail at random.
    private static readonly int Minutes = (int)(London("2028-11-30T00:00") - From).TotalMinutes;
    private static readonly DeadlineRule TwentyFour = DeadlineRule.TwentyFourHourRule.Standard;

    /// <summary>Starts on any minute, with extra weight on whole hours, midnights and 09:00 (the edges of the rules).</summary>
    private static readonly Gen<Instant> StartGen = Gen.OneOf(
        Gen.Choose(0, Minutes).Select(m => From + Duration.FromMinutes(m)),
        Gen.Choose(0, Minutes / 60).Select(h => From + Duration.FromHours(h)),
        Gen.Choose(0, Minutes / 1440).Select(d => LondonTime.ToInstant(LondonTime.ToLocal(From).Date.PlusDays(d).AtMidnight())),
        Gen.Choose(0, Minutes / 1440).Select(d => LondonTime.ToInstant(LondonTime.ToLocal(From).Date.PlusDays(d).At(new LocalTime(9, 0)))));

    private static readonly Arbitrary<Instant> Starts = StartGen.ToArbitrary();

    private static readonly Arbitrary<(Instant First, Instant Second)> OrderedPairs = Gen.Zip(StartGen, Gen.Choose(0, 60 * 24 * 12))
        .Select(p => (p.Item1, p.Item1 + Duration.FromMinutes(p.Item2)))
        .ToArbitrary();

    private static readonly DeadlineRule[] DayRules =
    [
        TwentyFour, new DeadlineRule.HoursAfter(24), new DeadlineRule.CalendarDaysAfter(3), new DeadlineRule.EndOfDayNumber(5),
        new DeadlineRule.WorkingDaysAfter(5), new DeadlineRule.WorkingDaysAfter(1), DeadlineRule.EndOfStartDay.Instance,
    ];

    private static Instant Due(DeadlineRule rule, Instant start) => DeadlineCalculator.Due(rule, start, Calendar).Due;

    /// <summary>000 Part 1, §PP2: "The rule never makes a deadline earlier than 24 hours" — it only extends the plain 24 hours.</summary>
    [Fact]
    public void Rule24h_000PartOne_NeverEarlierThanPlain24Hours()
    {
        Prop.ForAll(Starts, start =>
                Due(TwentyFour, start) >= Due(new DeadlineRule.HoursAfter(24), start)
                && Due(new DeadlineRule.HoursAfter(24), start) == start + Duration.FromHours(24))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>
    /// 000 Part 1, §PP2: never later than max(t+24h, 09:00 on the first working day after the run of non-working days
    /// touched). Checked against an independent bound: the first working day after t+24h's own date is at or after D.
    /// </summary>
    [Fact]
    public void Rule24h_000PartOne_NeverLaterThanNineOnTheNextWorkingDayOrPlus24h()
    {
        Prop.ForAll(Starts, start =>
            {
                var plain = start + Duration.FromHours(24);
                var nextAfterWindow = Calendar.NextWorkingDayAfter(LondonTime.ToLocal(plain).Date);
                var bound = Max(plain, LondonTime.ToInstant(nextAfterWindow.At(new LocalTime(9, 0))));
                return Due(TwentyFour, start) <= bound;
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>000 Part 1, §PP2: the due instant is either exactly t+24h or 09:00 local on a working day.</summary>
    [Fact]
    public void Rule24h_000PartOne_IsPlus24hOrNineOnAWorkingDay()
    {
        Prop.ForAll(Starts, start =>
            {
                var due = Due(TwentyFour, start);
                var local = LondonTime.ToLocal(due);
                return due == start + Duration.FromHours(24)
                    || (local.TimeOfDay == new LocalTime(9, 0) && Calendar.IsWorkingDay(local.Date));
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>000 Part 1, §PP2: when the window touches no non-working day, the due instant is exactly t+24h.</summary>
    [Fact]
    public void Rule24h_000PartOne_WindowOfWorkingDaysOnlyIsExactly24Hours()
    {
        Prop.ForAll(Starts, start =>
            {
                var plain = start + Duration.FromHours(24);
                var first = LondonTime.ToLocal(start).Date;
                var last = LondonTime.ToLocal(plain).Date;
                var allWorking = true;
                for (var day = first; day <= last; day = day.PlusDays(1))
                {
                    allWorking &= Calendar.IsWorkingDay(day);
                }

                return Prop.When(allWorking && LondonTime.ToLocal(start).TimeOfDay != LocalTime.Midnight.PlusNanoseconds(-1),
                    () => Due(TwentyFour, start) == plain);
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>docs/domain.md "Time, days and the 24-hour rule": every rule is monotonic — a later start is never due earlier.</summary>
    [Fact]
    public void AllRules_DomainTime_Monotonic()
    {
        Prop.ForAll(OrderedPairs, pair => DayRules.All(rule => Due(rule, pair.First) <= Due(rule, pair.Second)))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>docs/domain.md "N working days after t": due at 23:59:59 on a working day with exactly N working days in (date(t), due date].</summary>
    [Fact]
    public void WorkingDaysAfter_DomainTime_CountsExactlyNWorkingDaysAfterTheStartDay()
    {
        var arbitrary = Gen.Zip(StartGen, Gen.Choose(1, 10)).ToArbitrary();
        Prop.ForAll(arbitrary, input =>
            {
                var (start, n) = input;
                var due = LondonTime.ToLocal(Due(new DeadlineRule.WorkingDaysAfter(n), start));
                var count = 0;
                for (var day = LondonTime.ToLocal(start).Date.PlusDays(1); day <= due.Date; day = day.PlusDays(1))
                {
                    count += Calendar.IsWorkingDay(day) ? 1 : 0;
                }

                return due.TimeOfDay == DeadlineRule.EndOfDay && Calendar.IsWorkingDay(due.Date) && count == n;
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>docs/domain.md: day-based rules are never due before the start and end at 23:59:59 local.</summary>
    [Fact]
    public void DayRules_DomainTime_EndOfLocalDayAndNotBeforeStart()
    {
        DeadlineRule[] dayBased =
        [
            new DeadlineRule.CalendarDaysAfter(3), new DeadlineRule.EndOfDayNumber(5), new DeadlineRule.WorkingDaysAfter(5),
            DeadlineRule.EndOfStartDay.Instance,
        ];
        Prop.ForAll(Starts, start => dayBased.All(rule =>
            {
                var due = Due(rule, start);
                return due >= start && LondonTime.ToLocal(due).TimeOfDay == DeadlineRule.EndOfDay;
            }))
            .QuickCheckThrowOnFailure();
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
