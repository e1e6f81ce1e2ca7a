using NodaTime;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>
/// One item of <c>alerts[]</c>: the one Alert Form JSON shape in the hub. <see cref="Status"/>, <see cref="HeldReason"/>
/// and <see cref="EventId"/> are the plan's view of the form; the outbox stores the form without them
/// (<see cref="PlanJsonContexts.FormOnly"/>). Read back with lenient nullability: every field is checked by
/// <see cref="AlertFormJson"/>, which names what is missing.
/// </summary>
internal sealed record AlertDocument(
    string Id,
    string Reference,
    string? Status,
    string? HeldReason,
    string Event,
    string? EventId,
    string ProcessPoint,
    PartyDocument? From,
    PartyDocument To,
    string ToEmail,
    string ClientId,
    ClientDocument Client,
    IReadOnlyList<string> Boxes,
    string Sentence,
    string Summary,
    bool? InCustody,
    RequestDocument? Request,
    string Reason,
    Instant? CreatedAt);
