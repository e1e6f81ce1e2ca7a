namespace ContinuityOfCare.Core.Planning;

/// <summary>A task for a person. The reason names org types, codes and rules — never personal data.</summary>
/// <param name="Kind">What kind of task.</param>
/// <param name="Owner">The org code of the team that must act, or <see cref="Operator"/>.</param>
/// <param name="ClientId">The client concerned.</param>
/// <param name="Reason">Why, e.g. "consent not recorded for sharing with PRISON_SMT".</param>
/// <param name="EventId">The event concerned, when there is one.</param>
public sealed record PlanTask(TaskKind Kind, string Owner, string ClientId, string Reason, string? EventId = null)
{
    /// <summary>The owner of tasks only the hub's operator can resolve (directory or calendar problems).</summary>
    public const string Operator = "OPERATOR";
}
