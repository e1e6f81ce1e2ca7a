using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Endpoints.ObligationsList;

/// <summary>The body of <c>GET /api/obligations</c>.</summary>
/// <param name="Count">How many obligations matched.</param>
/// <param name="Obligations">The matches, earliest due first.</param>
public sealed record ObligationList(int Count, IReadOnlyList<ObligationView> Obligations);
