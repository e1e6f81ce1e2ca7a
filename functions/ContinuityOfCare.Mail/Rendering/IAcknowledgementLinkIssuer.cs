using NodaTime;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// Issues the signed single-use acknowledgement link (<c>/api/ack/{token}</c>) an Alert Form carries when it asks the
/// recipient for an obligation (docs/operations.md "Acknowledgement links": the link is placed in Alert Forms and escalations). Mail only knows the
/// abstraction: the signing keys and the public address belong to the host that serves the link.
/// </summary>
public interface IAcknowledgementLinkIssuer
{
    /// <summary>The link that records fulfilment of <paramref name="obligationId"/>, valid from <paramref name="now"/>; null for none.</summary>
    Uri? LinkFor(string obligationId, Instant now);
}
