namespace ContinuityOfCare.Core.Matching;

/// <summary>How a record's date of birth compares with a client's (docs/plan.md "Matching").</summary>
public enum BirthDateAgreement
{
    /// <summary>The same date.</summary>
    Same,

    /// <summary>Day and month transposed (04/03 for 03/04).</summary>
    DayMonthSwapped,

    /// <summary>One day apart.</summary>
    OneDay,

    /// <summary>One digit of <c>YYYYMMDD</c> different (a keying slip): 1980 for 1986, 14 for 17.</summary>
    OneDigit,

    /// <summary>The record gives only the year, or the year and month, and they agree (Crown lists, docs/formats.md §1).</summary>
    PartialAgrees,

    /// <summary>The record gives no date of birth.</summary>
    Missing,

    /// <summary>Anything else, including a partial date that disagrees.</summary>
    Different,
}
