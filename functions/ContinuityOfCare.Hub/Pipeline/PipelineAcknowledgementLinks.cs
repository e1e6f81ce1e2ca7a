using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Mail.Rendering;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Issues the acknowledgement link an Alert Form carries when it asks for an obligation (docs/operations.md "Acknowledgement
/// links": every escalation and every Alert Form that asks for an obligation carries the signed single-use link): the same token and address as an escalation's
/// (<see cref="Escalator.AcknowledgementLink"/>), so the Acknowledge function served by this host answers either.
/// </summary>
public sealed class PipelineAcknowledgementLinks(AcknowledgementTokens tokens, IOptions<PipelineOptions> options) : IAcknowledgementLinkIssuer
{
    /// <inheritdoc />
    public Uri? LinkFor(string obligationId, Instant now) =>
        Escalator.AcknowledgementLink(options.Value.PublicBaseUrl, tokens.Issue(obligationId, now).Token);
}
