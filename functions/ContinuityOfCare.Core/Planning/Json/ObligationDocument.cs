using NodaTime;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>obligations[]</c>.</summary>
internal sealed record ObligationDocument(
    string Id,
    string Rule,
    string Owner,
    string ClientId,
    string EventId,
    string MustDo,
    OffsetDateTime Start,
    OffsetDateTime? Due,
    Instant? DueUtc,
    string Priority,
    bool LateFromStart,
    string Explanation);
