using NodaTime;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// The default <see cref="IAcknowledgementLinkIssuer"/>: no link, so the Alert Form omits the "confirm here" line. Used
/// where nothing serves <c>/api/ack/</c> (the CLI's preview, hosts without the pipeline); a printed link there would be dead.
/// </summary>
public sealed class NoAcknowledgementLinks : IAcknowledgementLinkIssuer
{
    /// <inheritdoc />
    public Uri? LinkFor(string obligationId, Instant now) => null;
}
