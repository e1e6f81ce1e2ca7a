using NodaTime;

namespace ContinuityOfCare.Core.Alerts;

/// <summary>
/// The client block of an Alert Form: only what the recipient is entitled to (docs/domain.md "The Alert Form",
/// "Consent and data minimisation"). The core fills it; renderers print only what is present.
/// </summary>
/// <param name="ClientId">The owning case system's id.</param>
/// <param name="Name">Full name, when the recipient is entitled to it.</param>
/// <param name="DateOfBirth">Date of birth, when entitled.</param>
/// <param name="Noms">NOMS number, when known and entitled.</param>
/// <param name="Pnc">PNC id, when known and entitled.</param>
public sealed record AlertClientDetails(
    string ClientId,
    string? Name,
    LocalDate? DateOfBirth,
    string? Noms,
    string? Pnc);
