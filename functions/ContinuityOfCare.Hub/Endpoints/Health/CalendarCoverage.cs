namespace ContinuityOfCare.Hub.Endpoints.Health;

/// <summary>How far the working calendar reaches (docs/domain.md "Time, days and the 24-hour rule": a deadline beyond it is an error).</summary>
/// <param name="LastCoveredYear">The last year the bank-holiday list covers.</param>
/// <param name="LastCoveredDay">Its last day, <c>yyyy-MM-dd</c>.</param>
/// <param name="DaysLeft">Days from today (Europe/London) to that day; negative once it has run out.</param>
public sealed record CalendarCoverage(int LastCoveredYear, string LastCoveredDay, int DaysLeft);
