using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// One matched input record placed on its client's time line: exactly one of <paramref name="Listing"/>,
/// <paramref name="Result"/> and <paramref name="Discharge"/> is set.
/// </summary>
internal sealed record JourneyObservation(
    Instant At, SourceRef Source, Client Client, CourtListing? Listing, CourtResult? Result, DischargeMovement? Discharge);
