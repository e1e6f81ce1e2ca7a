namespace ContinuityOfCare.Hub.Obligations;

/// <summary>The payload of the <c>fulfilled</c> event: when, by whom (a user id, <c>ack-link</c> or an event id), through what.</summary>
/// <param name="At">When it was fulfilled.</param>
/// <param name="By">Who fulfilled it.</param>
/// <param name="Channel"><c>api</c>, <c>ack-link</c> or <c>route</c>.</param>
public sealed record ObligationFulfilled(DateTimeOffset At, string By, string Channel);
