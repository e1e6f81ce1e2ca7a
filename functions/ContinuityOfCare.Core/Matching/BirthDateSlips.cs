using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The recognisable keying slips in a date of birth (docs/plan.md "What is held"): day and month transposed, one day
/// out, one digit of <c>YYYYMMDD</c> different. <see cref="Variants"/> lists, for a record's date, every date a client
/// could have for the record to be one slip away, so near misses are found by lookups, never by a scan.
/// </summary>
public static class BirthDateSlips
{
    private const int EarliestYear = 1900;
    private const int LatestYear = 2099;

    /// <summary>How <paramref name="record"/> compares with <paramref name="client"/>'s date of birth.</summary>
    public static BirthDateAgreement Compare(LocalDate record, LocalDate client)
    {
        if (record == client)
        {
            return BirthDateAgreement.Same;
        }

        if (record.Year == client.Year && record.Day == client.Month && record.Month == client.Day)
        {
            return BirthDateAgreement.DayMonthSwapped;
        }

        var days = Period.Between(client, record, PeriodUnits.Days).Days;
        if (days is 1 or -1)
        {
            return BirthDateAgreement.OneDay;
        }

        return DigitsDiffering(record, client) == 1 ? BirthDateAgreement.OneDigit : BirthDateAgreement.Different;
    }

    /// <summary>Every valid date one slip away from <paramref name="date"/>, without repeats, in a fixed order.</summary>
    public static IReadOnlyList<LocalDate> Variants(LocalDate date)
    {
        var variants = new List<LocalDate>(40);
        void Add(int year, int month, int day)
        {
            if (year is >= EarliestYear and <= LatestYear && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                var candidate = new LocalDate(year, month, day);
                if (candidate != date && !variants.Contains(candidate))
                {
                    variants.Add(candidate);
                }
            }
        }

        Add(date.Year, date.Day, date.Month);
        variants.Add(date.PlusDays(-1));
        variants.Add(date.PlusDays(1));
        var digits = Digits(date);
        for (var position = 0; position < digits.Length; position++)
        {
            for (var digit = 0; digit <= 9; digit++)
            {
                if (digit == digits[position])
                {
                    continue;
                }

                var changed = (int[])digits.Clone();
                changed[position] = digit;
                Add((changed[0] * 1000) + (changed[1] * 100) + (changed[2] * 10) + changed[3], (changed[4] * 10) + changed[5], (changed[6] * 10) + changed[7]);
            }
        }

        return variants;
    }

    /// <summary>How many of the eight digits of <c>YYYYMMDD</c> differ.</summary>
    public static int DigitsDiffering(LocalDate left, LocalDate right)
    {
        var a = Digits(left);
        var b = Digits(right);
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += a[i] == b[i] ? 0 : 1;
        }

        return count;
    }

    private static int[] Digits(LocalDate date) =>
    [
        date.Year / 1000 % 10, date.Year / 100 % 10, date.Year / 10 % 10, date.Year % 10,
        date.Month / 10, date.Month % 10, date.Day / 10, date.Day % 10,
    ];
}
