namespace ContinuityOfCare.Core.Time;

/// <summary>
/// A deadline needs a day outside the years the loaded bank-holiday list covers. docs/domain.md "Time, days and the
/// 24-hour rule": computing such a deadline is an error the operator sees, never a silent guess.
/// </summary>
public sealed class CalendarCoverageException : Exception
{
    /// <summary>Creates the exception for <paramref name="year"/>, outside <paramref name="firstCoveredYear"/>..<paramref name="lastCoveredYear"/>.</summary>
    public CalendarCoverageException(int year, int firstCoveredYear, int lastCoveredYear)
        : base($"The bank-holiday calendar covers {firstCoveredYear}–{lastCoveredYear}; this deadline needs {year}, " +
               "which it does not cover. Load a newer GOV.UK bank-holidays file (england-and-wales).")
    {
        Year = year;
        FirstCoveredYear = firstCoveredYear;
        LastCoveredYear = lastCoveredYear;
    }

    /// <summary>Creates the exception with a message only (required by the exception pattern).</summary>
    public CalendarCoverageException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause (required by the exception pattern).</summary>
    public CalendarCoverageException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public CalendarCoverageException()
    {
    }

    /// <summary>The year the deadline needed.</summary>
    public int Year { get; }

    /// <summary>The first year the calendar covers.</summary>
    public int FirstCoveredYear { get; }

    /// <summary>The last year the calendar covers.</summary>
    public int LastCoveredYear { get; }
}
