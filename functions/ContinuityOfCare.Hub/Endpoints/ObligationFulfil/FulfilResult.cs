using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Endpoints.ObligationFulfil;

/// <summary>The body of a successful <c>POST /api/obligations/{id}/fulfil</c>.</summary>
/// <param name="Outcome"><c>fulfilled</c> (now) or <c>alreadyFulfilled</c> (before; the first fulfilment stands).</param>
/// <param name="Obligation">The obligation after the request.</param>
public sealed record FulfilResult(string Outcome, ObligationView Obligation);
