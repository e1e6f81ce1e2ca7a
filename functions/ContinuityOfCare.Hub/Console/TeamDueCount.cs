namespace ContinuityOfCare.Hub.Console;

/// <summary>One team's not-yet-closed obligations due by the end of the London day, as counted at one instant.</summary>
/// <param name="Team">The owner org code.</param>
/// <param name="Overdue">Past due and not fulfilled at any level (<see cref="ObligationListFilter.IsOverdue"/>).</param>
/// <param name="DueLaterToday">Not yet due, due before the end of the London day.</param>
public sealed record TeamDueCount(string Team, int Overdue, int DueLaterToday);
