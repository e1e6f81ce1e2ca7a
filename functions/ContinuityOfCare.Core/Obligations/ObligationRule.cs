using ContinuityOfCare.Core.Time;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>One row of docs/domain.md's "Obligations and their deadlines" table, with its configured deadline.</summary>
/// <param name="Id">The rule id (<see cref="RuleIds"/>).</param>
/// <param name="OpenedBy">The event or fact that opens the obligation, in words.</param>
/// <param name="OwnerRole">Who must act.</param>
/// <param name="MustDo">What must be done.</param>
/// <param name="Deadline">When it is due, from the start instant.</param>
/// <param name="Fulfilment">How the hub learns it was done.</param>
/// <param name="Citation">The guidance section it comes from, e.g. "000 §PP4".</param>
public sealed record ObligationRule(
    string Id,
    string OpenedBy,
    OwnerRole OwnerRole,
    string MustDo,
    DeadlineRule Deadline,
    string Fulfilment,
    string Citation);
