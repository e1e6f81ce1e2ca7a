namespace ContinuityOfCare.Core.Planning;

/// <summary>Work for a person that the plan creates instead of (or beside) an automatic action.</summary>
public enum TaskKind
{
    /// <summary>No consent and no legal basis for a recipient: no Alert Form was planned (docs/domain.md "Consent and data minimisation").</summary>
    ConsentMissing,

    /// <summary>No SPOC for a recipient: the form went to the regional team instead (docs/domain.md "Routing").</summary>
    Unroutable,

    /// <summary>The recipient's mailbox is outside the secure-mail allow-list: the form is held (architecture.md "Security rules").</summary>
    InsecureRecipient,

    /// <summary>A possible match to confirm or reject (docs/domain.md "Matching" step 3).</summary>
    PossibleMatch,

    /// <summary>A deadline needs a year the bank-holiday list does not cover (docs/domain.md "Time, days and the 24-hour rule").</summary>
    CalendarNotCovered,
}
