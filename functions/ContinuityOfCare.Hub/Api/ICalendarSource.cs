using ContinuityOfCare.Core.Time;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// The working calendar the hub computes deadlines with, as the API sees it (the health check reports how far it
/// covers). The default, <see cref="StoredCalendarSource"/>, is the pipeline's calendar in force.
/// </summary>
public interface ICalendarSource
{
    /// <summary>The calendar in force.</summary>
    /// <exception cref="ContinuityOfCare.Ingestion.BankHolidays.BankHolidayFileException">The calendar file cannot be used.</exception>
    /// <exception cref="IOException">The calendar file cannot be read.</exception>
    Task<WorkingCalendar> GetCalendarAsync(CancellationToken cancellationToken);
}
