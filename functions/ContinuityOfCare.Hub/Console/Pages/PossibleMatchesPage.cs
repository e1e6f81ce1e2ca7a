using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Endpoints.PossibleMatchDecide;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Possible matches held for a person: the list, and each held record's own values (read back from its processed file,
/// <see cref="HeldRecordReader"/>) beside the register client's, field by field, each row's agreement — the matcher's
/// own levels (<see cref="ParticularsComparer"/>) — shown and every difference highlighted, with Confirm or Reject and a
/// reason. The operator sees every match and decides; a team sees (only) the matches whose client it owns — the team
/// the planner gave the POSSIBLE_MATCH task to, stored on the match row when it was held, so the list is one query —
/// and any other match is 404. The decision goes through
/// <see cref="PossibleMatchDecideEndpoint"/> — exactly the API's confirm/reject, which audits it and routes a confirmed
/// record — and the reason is audited beside it.
/// </summary>
public sealed class PossibleMatchesPage(
    PossibleMatchStore matches,
    ClientRegisterStore clients,
    HeldRecordReader heldRecords,
    PossibleMatchDecideEndpoint decide,
    AuditStore audit,
    IClock clock) : IConsolePage
{
    /// <summary>The audit action recorded with the reason a person gave.</summary>
    public const string ReasonAuditAction = "possible-match.reason";

    /// <inheritdoc />
    public string Section => "possible-matches";

    /// <inheritdoc />
    public bool OperatorOnly => false;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Rest switch
        {
            [] => await ListAsync(context, cancellationToken).ConfigureAwait(false),
            [var id] => await CompareAsync(context, id, null, cancellationToken).ConfigureAwait(false),
            _ => context.NotFound(),
        };
    }

    /// <inheritdoc />
    public async Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Rest is not [var id, "decide"] || id.Length > ApiRequest.MaxIdLength || !context.User.IsOperator)
        {
            // A team sees its clients' matches; deciding who a record belongs to is the operator's (it routes the record).
            return context.NotFound();
        }

        var decision = context.Request.Field("decision");
        var reason = context.Request.Field("reason");
        if (decision is not ("confirm" or "reject"))
        {
            return await CompareAsync(context, id, ("decision", "Select confirm or reject"), cancellationToken).ConfigureAwait(false);
        }

        if (reason is null || reason.Length > 500)
        {
            return await CompareAsync(context, id, ("reason", "Enter a reason of at most 500 characters"), cancellationToken).ConfigureAwait(false);
        }

        var body = JsonSerializer.Serialize(new { by = context.User.Name });
        var answer = await decide.InvokeAsync(ConsoleCalls.Input("POST", new() { ["id"] = id, ["decision"] = decision }, body: body), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == 404)
        {
            return context.NotFound();
        }

        if (answer.StatusCode != 200)
        {
            return await CompareAsync(context, id, ("decision", ConsoleCalls.Detail(answer)), cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetCurrentInstant();
        await audit.AppendAsync(new AuditEntry($"possible-match-reason:{id}:{decision}", now, context.User.Name, ReasonAuditAction, "possible-match", id, reason), cancellationToken).ConfigureAwait(false);
        return ConsoleResponses.Redirect(ConsolePaths.To("possible-matches?done=" + (decision == "confirm" ? "confirmed" : "rejected")));
    }

    // The matching model's agreement levels (docs/plan.md "Match weight"): same or compatible agree; anything else
    // is a difference the reviewer must look at.
    private static string AgreementTag(ContinuityOfCare.Core.Matching.MatchWeightPart part) => part switch
    {
        { Field: "prior" } => Tag(part.Level, "grey"),
        { Level: "Same" or "Compatible" } => Tag("Same", "green"),
        _ => Tag("Differs: " + System.Text.RegularExpressions.Regex.Replace(part.Level, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant(), "yellow"),
    };

    private async Task<HttpResponseOutput> ListAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        // One query: a team's matches are narrowed by the owning team stored on each match row.
        var held = await matches.ListHeldAsync(context.User.IsOperator ? null : context.User.Organisations, cancellationToken).ConfigureAwait(false);

        var main = new StringBuilder();
        main.Append(context.Request.Query("done") switch
        {
            "confirmed" => Success("Possible match confirmed: the record was routed"),
            "rejected" => Success("Possible match rejected"),
            _ => "",
        });
        main.Append(Heading("Possible matches"))
            .Append(P("Records that nearly match a client in the register. Nothing is sent for them until a person confirms the match."))
            .Append(Table($"{held.Count} held", ["Match", "Client", "Source", "Why held", "Weight", "Held"],
                held.OrderBy(m => m.HeldAt).Select(m => (IReadOnlyList<string>)
                [
                    Link(ConsolePaths.To("possible-matches/" + Uri.EscapeDataString(m.Id)), "Review " + m.Id[..Math.Min(8, m.Id.Length)]),
                    E(m.ClientId),
                    E($"{m.Source}"),
                    E(m.Reason),
                    E(m.Weight is { } w ? w.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "—"),
                    E(ConsoleFormat.When(m.HeldAt)),
                ])));
        return context.Page("Possible matches", main.ToString());
    }

    private async Task<HttpResponseOutput> CompareAsync(ConsoleContext context, string id, (string Field, string Message)? error, CancellationToken cancellationToken)
    {
        var match = id.Length <= ApiRequest.MaxIdLength ? await matches.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (match is null)
        {
            return context.NotFound();
        }

        if (!Sees(context.User, match))
        {
            return context.NotFound();
        }

        var client = await clients.GetAsync(match.ClientId, cancellationToken).ConfigureAwait(false);
        var held = await ReadHeldAsync(match, cancellationToken).ConfigureAwait(false);
        var parts = match.Weight?.Parts ?? [];

        var main = new StringBuilder();
        if (error is { } e)
        {
            main.Append(ErrorSummary([(e.Field == "decision" ? "decision-confirm" : e.Field, e.Message)]));
        }

        main.Append(Heading("Review possible match", match.Id[..Math.Min(8, match.Id.Length)]))
            .Append(SummaryList(
            [
                ("Source file", E(match.Source.SourceFile)),
                ("Line or position", E(match.Source.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? match.Source.JsonPath ?? "—")),
                ("Why held", E(match.Reason)),
                ("Status", E(match.Status.ToString())),
                ("Held", E(ConsoleFormat.When(match.HeldAt))),
                ("Match weight", E(match.Weight is { } w ? w.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " bits" : "—")),
            ]));
        main.Append(PossibleMatchComparison.Table(held, client, match.ClientId));
        main.Append(Table("Evidence field by field", ["Field", "Agreement", "Weight (bits)"],
            parts.Select(p => (IReadOnlyList<string>)[E(p.Field == "prior" ? "register size (prior)" : p.Field), AgreementTag(p),
                E(p.Weight.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))]), new HashSet<int> { 2 }));

        if (match.Status == PossibleMatchStatus.Held && !context.User.IsOperator)
        {
            main.Append(P("The hub operator confirms or rejects this match. Tell them what you know about this client."));
        }

        if (match.Status == PossibleMatchStatus.Held && context.User.IsOperator)
        {
            var decisionError = error is { Field: "decision" } de ? de.Message : null;
            var radios = "<div class=\"govuk-form-group" + (decisionError is null ? "" : " govuk-form-group--error") + "\"><fieldset class=\"govuk-fieldset\">"
                + "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--m\"><h2 class=\"govuk-fieldset__heading\">Is this the same person?</h2></legend>"
                + (decisionError is null ? "" : $"<p id=\"decision-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(decisionError)}</p>")
                + "<div class=\"govuk-radios\" data-module=\"govuk-radios\">"
                + "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"decision-confirm\" name=\"decision\" type=\"radio\" value=\"confirm\"><label class=\"govuk-label govuk-radios__label\" for=\"decision-confirm\">Yes, confirm: route the record to this client's teams</label></div>"
                + "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"decision-reject\" name=\"decision\" type=\"radio\" value=\"reject\"><label class=\"govuk-label govuk-radios__label\" for=\"decision-reject\">No, reject: nothing is sent</label></div>"
                + "</div></fieldset></div>";
            main.Append(context.Form(ConsolePaths.To($"possible-matches/{Uri.EscapeDataString(match.Id)}/decide"),
                radios + Textarea("reason", "Reason", "Why you decided. Recorded in the audit trail. No names, dates of birth or identifiers.", error is { Field: "reason" } re ? re.Message : null)
                + Button("Save decision")));
        }

        return context.Page("Review possible match", main.ToString(), error is null ? 200 : 400);
    }

    /// <summary>
    /// The operator sees every match; a team sees a match whose owning team (stored when it was held: the team given the
    /// POSSIBLE_MATCH task) is one of its org codes — the same rule <see cref="PossibleMatchStore.ListHeldAsync(IReadOnlySet{string}, CancellationToken)"/> queries by.
    /// </summary>
    private static bool Sees(ConsoleUser user, HeldPossibleMatch match) => user.Sees(match.OwningTeam);

    /// <summary>The held record's particulars, or null when its processed file or the record is gone or its payload is unreadable.</summary>
    private async Task<PersonParticulars?> ReadHeldAsync(HeldPossibleMatch match, CancellationToken cancellationToken)
    {
        try
        {
            return await heldRecords.ReadParticularsAsync(match, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            // A payload that is not a route message: the review still shows the register side and the evidence.
            return null;
        }
    }
}
