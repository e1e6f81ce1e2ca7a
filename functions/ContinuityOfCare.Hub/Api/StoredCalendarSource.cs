using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Pipeline;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// The calendar the pipeline computes deadlines with (<see cref="CalendarProvider"/>: the bank-holiday file last loaded
/// from the calendar inbox, else the shipped snapshot), so the health check reports the coverage that is really in force.
/// </summary>
public sealed class StoredCalendarSource(CalendarProvider calendars) : ICalendarSource
{
    /// <inheritdoc />
    public Task<WorkingCalendar> GetCalendarAsync(CancellationToken cancellationToken) => calendars.GetAsync(cancellationToken);
}
