using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ObligationFulfil;

/// <summary>The body of <c>POST /api/obligations/{id}/fulfil</c>.</summary>
/// <param name="By">Who did it (a user id or name of a member of staff; required, at most 100 characters).</param>
/// <param name="At">When it was done (default: now); not in the future.</param>
/// <param name="Note">An optional note (at most 500 characters), kept with the obligation, not listed.</param>
public sealed record FulfilRequest(string? By, Instant? At, string? Note);
