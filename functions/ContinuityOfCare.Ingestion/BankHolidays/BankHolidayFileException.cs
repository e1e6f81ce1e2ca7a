namespace ContinuityOfCare.Ingestion.BankHolidays;

/// <summary>
/// A bank-holidays file that cannot be used (formats.md §6): not JSON, not the GOV.UK shape, a bad date, a year
/// missing in the middle, over the size cap. The message says what and where (JSON path); the whole file is rejected,
/// because a partial holiday list would silently produce wrong deadlines.
/// </summary>
public sealed class BankHolidayFileException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="jsonPath"/> (null when it concerns the whole file).</summary>
    public BankHolidayFileException(string message, string? jsonPath)
        : base(jsonPath is null ? message : $"{message} (at {jsonPath})")
    {
        JsonPath = jsonPath;
    }

    /// <summary>Creates the exception with a message only (required by the exception pattern).</summary>
    public BankHolidayFileException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public BankHolidayFileException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no detail (required by the exception pattern).</summary>
    public BankHolidayFileException()
    {
    }

    /// <summary>Where in the file the problem is, e.g. <c>$['england-and-wales'].events[3].date</c>; null for the whole file.</summary>
    public string? JsonPath { get; }
}
