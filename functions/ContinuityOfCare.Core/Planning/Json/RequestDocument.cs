using NodaTime;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>The obligation an Alert Form asks its recipient to meet, with its due instant in both forms.</summary>
internal sealed record RequestDocument(string ObligationId, string Rule, string MustDo, OffsetDateTime Due, Instant? DueUtc);
