namespace ContinuityOfCare.Core.Events;

/// <summary>The <see cref="CareEvent.Detail"/> values of a <see cref="EventKind.ListedForHearing"/> event.</summary>
public static class ListingDetail
{
    /// <summary>
    /// The client comes to the hearing from custody (the list's <c>inCustody</c>, or custody known to the hub): the
    /// CJIT and the prison SMT need to know (000 §PP10, §PP13), so the Alert Form says so.
    /// </summary>
    public const string InCustody = "IN_CUSTODY";
}
