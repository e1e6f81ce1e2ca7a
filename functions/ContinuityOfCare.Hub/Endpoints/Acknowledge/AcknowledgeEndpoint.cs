using Azure;
using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.Acknowledge;

/// <summary>
/// <c>GET|POST /api/ack/{token}</c>: the signed, single-use acknowledgement link of Alert Forms and escalations
/// (architecture.md "Security rules"; docs/domain.md "Escalation": fulfilment at any point stops the ladder). Anonymous:
/// the token is the credential. GET only shows a confirmation page and never changes anything (mail gateways' link
/// scanners fetch links); POST fulfils the obligation. Expired, reused, forged or malformed tokens get a clear page and
/// change nothing. Single use: the token's nonce is inserted if absent before the obligation is fulfilled.
/// </summary>
public sealed partial class AcknowledgeEndpoint(
    AcknowledgementTokens tokens,
    AcknowledgementReplayStore replays,
    ObligationStore obligations,
    ObligationFulfilment fulfilment,
    IClock clock,
    ILogger<AcknowledgeEndpoint> logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "Acknowledge";

    /// <summary>Who a link fulfilment is recorded as (the person is whoever holds the emailed link).</summary>
    public const string ClosedBy = "ack-link";

    /// <summary>Answers one request: a page, never a problem document (a person opened a link).</summary>
    public async Task<HttpResponseOutput> InvokeAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            LogStorageFailed(logger, failure.Status, failure.ErrorCode);
            return AcknowledgementPage.TryAgain();
        }
    }

    private async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var token = request.Params.GetValueOrDefault("token");
        var verification = tokens.Verify(token, now);
        // The outcome name only: the token is a credential and must not reach the logs.
        LogVerified(logger, request.Method, verification.Outcome);
        if (verification is not AcknowledgementVerification.Valid valid)
        {
            return verification is AcknowledgementVerification.Expired ? AcknowledgementPage.Expired() : AcknowledgementPage.Invalid();
        }

        var stored = await obligations.GetAsync(valid.ObligationId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return AcknowledgementPage.UnknownObligation();
        }

        var obligation = stored.Obligation;
        if (request.Method != "POST")
        {
            if (await replays.WasUsedAsync(valid.ReplayKey, cancellationToken).ConfigureAwait(false))
            {
                return AcknowledgementPage.AlreadyUsed();
            }

            return obligation.State switch
            {
                ObligationState.FulfilledOnTime or ObligationState.FulfilledLate => AcknowledgementPage.AlreadyRecorded(obligation.RuleId),
                ObligationState.Cancelled => AcknowledgementPage.NoLongerNeeded(obligation.RuleId),
                _ => AcknowledgementPage.Confirm(obligation.RuleId, stored.MustDo, LondonTime.FormatDue(obligation.Due)),
            };
        }

        if (!await replays.TryClaimAsync(valid.ReplayKey, valid.ObligationId, now, valid.ExpiresAt, cancellationToken).ConfigureAwait(false))
        {
            return AcknowledgementPage.AlreadyUsed();
        }

        ObligationChange change;
        try
        {
            change = await fulfilment.FulfilAsync(valid.ObligationId, now, ClosedBy, note: null, channel: "ack-link", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is not null)
        {
            // Nothing was recorded: give the claim back so the same link can be used again.
            await replays.ReleaseAsync(valid.ReplayKey, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return change.Outcome switch
        {
            ChangeOutcome.Applied => AcknowledgementPage.Recorded(obligation.RuleId, change.Obligation?.Obligation.State == ObligationState.FulfilledOnTime),
            ChangeOutcome.AlreadyApplied => AcknowledgementPage.AlreadyRecorded(obligation.RuleId),
            ChangeOutcome.NotFound => AcknowledgementPage.UnknownObligation(),
            _ => AcknowledgementPage.NoLongerNeeded(obligation.RuleId),
        };
    }

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "Acknowledgement link {Method}: {Outcome}")]
    private static partial void LogVerified(ILogger logger, string method, string outcome);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Acknowledgement link: storage failed with {Status} {ErrorCode}")]
    private static partial void LogStorageFailed(ILogger logger, int status, string? errorCode);
}
