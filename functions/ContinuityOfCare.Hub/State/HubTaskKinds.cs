using ContinuityOfCare.Core.Planning;

namespace ContinuityOfCare.Hub.State;

/// <summary>The stored spellings of task kinds (docs/plan.md "`tasks[]`": the plan's <see cref="TaskKind"/> plus operator work).</summary>
public static class HubTaskKinds
{
    /// <summary>No consent and no legal basis for a recipient.</summary>
    public const string ConsentMissing = "CONSENT_MISSING";

    /// <summary>No SPOC for a recipient.</summary>
    public const string Unroutable = "UNROUTABLE";

    /// <summary>Recipient mailbox outside the secure-mail allow-list.</summary>
    public const string InsecureRecipient = "INSECURE_RECIPIENT";

    /// <summary>A possible match to confirm or reject.</summary>
    public const string PossibleMatch = "POSSIBLE_MATCH";

    /// <summary>A deadline needs a year the calendar does not cover.</summary>
    public const string CalendarNotCovered = "CALENDAR_NOT_COVERED";

    /// <summary>Work for the hub's operator (missing feed, permanent mail failure, …).</summary>
    public const string OperatorNotice = "OPERATOR_NOTICE";

    /// <summary>Every kind, in the order the console offers them as a filter.</summary>
    public static IReadOnlyList<string> All { get; } = [ConsentMissing, Unroutable, InsecureRecipient, PossibleMatch, CalendarNotCovered, OperatorNotice];

    /// <summary>The stored spelling of a plan task kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A kind this version does not know.</exception>
    public static string Of(TaskKind kind) => kind switch
    {
        TaskKind.ConsentMissing => ConsentMissing,
        TaskKind.Unroutable => Unroutable,
        TaskKind.InsecureRecipient => InsecureRecipient,
        TaskKind.PossibleMatch => PossibleMatch,
        TaskKind.CalendarNotCovered => CalendarNotCovered,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown task kind"),
    };
}
