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

        var days = Period.DaysBetween(client, record);
        if (days is 1 or -1)
        {
            return BirthDateAgreement.OneDay;
        }

        return DigitsDiffering(record, client) == 1 ? BirthDateAgreement.OneDigit : BirthDateAgreement.Different;
    }

    /// <summary>Every valid date one slip away from <paramref name="date"/>, without repeats, in a fixed order.</summary>
    public static IReadOnlyList<LocalDate> Variants(LocalDate date)
    {
        // Called for every defendant with a date of birth (the near-miss lookups): one list, no other allocation.
        var variants = new List<LocalDate>(40);
        AddIfValid(variants, date, date.Year, date.Day, date.Month);
        variants.Add(date.PlusDays(-1));
        variants.Add(date.PlusDays(1));
        Span<int> digits = stackalloc int[8];
        Digits(date, digits);
        for (var position = 0; position < digits.Length; position++)
        {
            var original = digits[position];
            for (var digit = 0; digit <= 9; digit++)
            {
                if (digit == original)
                {
                    continue;
                }

                digits[position] = digit;
                AddIfValid(variants, date, (digits[0] * 1000) + (digits[1] * 100) + (digits[2] * 10) + digits[3], (digits[4] * 10) + digits[5], (digits[6] * 10) + digits[7]);
            }

            digits[position] = original;
        }

        return variants;
    }

    /// <summary>How many of the eight digits of <c>YYYYMMDD</c> differ.</summary>
    public static int DigitsDiffering(LocalDate left, LocalDate right)
    {
        Span<int> a = stackalloc int[8];
        Span<int> b = stackalloc int[8];
        Digits(left, a);
        Digits(right, b);
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += a[i] == b[i] ? 0 : 1;
        }

        return count;
    }

    private static void AddIfValid(List<LocalDate> variants, LocalDate date, int year, int month, int day)
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

    private static void Digits(LocalDate date, Span<int> digits)
    {
        digits[0] = date.Year / 1000 % 10;
        digits[1] = date.Year / 100 % 10;
        digits[2] = date.Year / 10 % 10;
        digits[3] = date.Year % 10;
        digits[4] = date.Month / 10;
        digits[5] = date.Month % 10;
        digits[6] = date.Day / 10;
        digits[7] = date.Day % 10;
    }
}
