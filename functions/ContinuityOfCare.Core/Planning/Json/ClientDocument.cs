using NodaTime;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>The client details an Alert Form carries (only what consent and data minimisation allow).</summary>
internal sealed record ClientDocument(string ClientId, string? Name, LocalDate? DateOfBirth, string? Noms, string? Pnc);
