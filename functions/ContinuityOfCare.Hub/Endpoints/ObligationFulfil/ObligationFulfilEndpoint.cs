using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ObligationFulfil;

/// <summary>
/// <c>POST /api/obligations/{id}/fulfil</c> with <c>{by, at?, note?}</c>: records who fulfilled the obligation and when;
/// on time or late is computed from its due instant (docs/domain.md "Obligations and their deadlines"). Idempotent by
/// obligation id: a repeat answers 200 <c>alreadyFulfilled</c> and changes nothing; a cancelled obligation is 409.
/// </summary>
public sealed class ObligationFulfilEndpoint(ObligationFulfilment fulfilment, IClock clock, ILogger<ObligationFulfilEndpoint> logger)
    : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "ObligationFulfil";

    /// <summary>How far ahead of the hub's clock <c>at</c> may be (clock skew between the caller and the hub).</summary>
    public static readonly Duration AllowedClockSkew = Duration.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var id = ApiRequest.Route(request, "id");
        var body = ApiRequest.Body<FulfilRequest>(request);
        var now = clock.GetCurrentInstant();
        if (string.IsNullOrWhiteSpace(body.By) || body.By.Length > 100 || body.By.Any(char.IsControl))
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'by' is required: who fulfilled the obligation (at most 100 characters)."));
        }

        if (body.Note is { Length: > 500 })
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'note' must be at most 500 characters."));
        }

        var at = body.At ?? now;
        if (at > now + AllowedClockSkew)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'at' is in the future: a fulfilment is recorded when it has happened."));
        }

        var change = await fulfilment.FulfilAsync(id, at, body.By.Trim(), body.Note, "api", cancellationToken).ConfigureAwait(false);
        return change.Outcome switch
        {
            ChangeOutcome.Applied => ApiJson.Response(new FulfilResult("fulfilled", ObligationView.From(change.Obligation!, now))),
            ChangeOutcome.AlreadyApplied => ApiJson.Response(new FulfilResult("alreadyFulfilled", ObligationView.From(change.Obligation!, now))),
            ChangeOutcome.NotFound => ApiProblem.NotFound($"There is no obligation with id '{id}'.").ToResponse(),
            _ => ApiProblem.Conflict($"The obligation '{id}' is {change.Obligation?.Obligation.State.ToString() ?? "closed"} and cannot be fulfilled.").ToResponse(),
        };
    }
}
