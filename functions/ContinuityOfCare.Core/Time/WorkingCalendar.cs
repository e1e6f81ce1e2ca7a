using NodaTime;

namespace ContinuityOfCare.Core.Time;

/// <summary>
/// The England-and-Wales working-day calendar in Europe/London. docs/domain.md "Time, days and the 24-hour rule": a
/// working day is Monday–Friday that is not an England-and-Wales bank holiday; the calendar knows only the years its
/// holiday list covers, and asking about any other year throws <see cref="CalendarCoverageException"/>.
/// Pure: it is built from a list of holidays (parsed elsewhere) and the covered year range.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Europe/London from the IANA (TZDB) data shipped with NodaTime: every deadline is computed and shown in it.</summary>
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    private readonly Dictionary<LocalDate, BankHoliday> _holidays;

    /// <summary>Builds a calendar covering <paramref name="firstCoveredYear"/>..<paramref name="lastCoveredYear"/> inclusive.</summary>
    /// <exception cref="ArgumentException">The range is inverted, or a holiday lies outside it.</exception>
    public WorkingCalendar(IEnumerable<BankHoliday> holidays, int firstCoveredYear, int lastCoveredYear)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (lastCoveredYear < firstCoveredYear)
        {
            throw new ArgumentException(
                $"The covered years are inverted: first {firstCoveredYear}, last {lastCoveredYear}.", nameof(lastCoveredYear));
        }

        FirstCoveredYear = firstCoveredYear;
        LastCoveredYear = lastCoveredYear;
        _holidays = [];
        foreach (var holiday in holidays)
        {
            ArgumentNullException.ThrowIfNull(holiday);
            if (holiday.Date.Year < firstCoveredYear || holiday.Date.Year > lastCoveredYear)
            {
                throw new ArgumentException(
                    $"A holiday on {holiday.Date:yyyy-MM-dd} lies outside the covered years {firstCoveredYear}–{lastCoveredYear}.",
                    nameof(holidays));
            }

            // A repeated date keeps its first title: the GOV.UK feed never repeats one, and a repeat changes nothing.
            _holidays.TryAdd(holiday.Date, holiday);
        }
    }

    /// <summary>Builds a calendar covering exactly the first..last year present in <paramref name="holidays"/>.</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static WorkingCalendar FromHolidays(IReadOnlyCollection<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (holidays.Count == 0)
        {
            throw new ArgumentException("The bank-holiday list is empty, so it covers no year.", nameof(holidays));
        }

        return new WorkingCalendar(holidays, holidays.Min(h => h.Date.Year), holidays.Max(h => h.Date.Year));
    }

    /// <summary>The first year the holiday list covers.</summary>
    public int FirstCoveredYear { get; }

    /// <summary>The last year the holiday list covers.</summary>
    public int LastCoveredYear { get; }

    /// <summary>The first covered day (1 January of <see cref="FirstCoveredYear"/>).</summary>
    public LocalDate FirstCoveredDay => new(FirstCoveredYear, 1, 1);

    /// <summary>The last covered day (31 December of <see cref="LastCoveredYear"/>).</summary>
    public LocalDate LastCoveredDay => new(LastCoveredYear, 12, 31);

    /// <summary>The holidays, in date order.</summary>
    public IReadOnlyList<BankHoliday> Holidays => [.. _holidays.Values.OrderBy(h => h.Date)];

    /// <summary>True when <paramref name="date"/>'s year is covered.</summary>
    public bool Covers(LocalDate date) => date.Year >= FirstCoveredYear && date.Year <= LastCoveredYear;

    /// <summary>Throws unless <paramref name="date"/>'s year is covered.</summary>
    /// <exception cref="CalendarCoverageException">The year is not covered.</exception>
    public void EnsureCovered(LocalDate date)
    {
        if (!Covers(date))
        {
            throw new CalendarCoverageException(date.Year, FirstCoveredYear, LastCoveredYear);
        }
    }

    /// <summary>docs/domain.md "Time, days and the 24-hour rule": Monday–Friday and not an England-and-Wales bank holiday.</summary>
    /// <exception cref="CalendarCoverageException">The date's year is not covered.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        EnsureCovered(date);
        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_holidays.ContainsKey(date);
    }

    /// <summary>The bank holiday on <paramref name="date"/>, or null.</summary>
    /// <exception cref="CalendarCoverageException">The date's year is not covered.</exception>
    public BankHoliday? HolidayOn(LocalDate date)
    {
        EnsureCovered(date);
        return _holidays.GetValueOrDefault(date);
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="CalendarCoverageException">The search leaves the covered years.</exception>
    public LocalDate NextWorkingDayAfter(LocalDate date)
    {
        var day = date.PlusDays(1);
        while (!IsWorkingDay(day))
        {
            day = day.PlusDays(1);
        }

        return day;
    }

    /// <summary>The <paramref name="count"/>-th working day strictly after <paramref name="date"/> (date's own day never counts).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="CalendarCoverageException">The search leaves the covered years.</exception>
    public LocalDate WorkingDaysAfter(LocalDate date, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var day = date;
        for (var i = 0; i < count; i++)
        {
            day = NextWorkingDayAfter(day);
        }

        return day;
    }

    /// <summary>Why a day is not a working day, for explanations: "Christmas Day", "weekend", or null for a working day.</summary>
    /// <exception cref="CalendarCoverageException">The date's year is not covered.</exception>
    public string? NonWorkingReason(LocalDate date)
    {
        var holiday = HolidayOn(date);
        if (holiday is not null)
        {
            return holiday.Describe();
        }

        return date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? "weekend" : null;
    }
}
