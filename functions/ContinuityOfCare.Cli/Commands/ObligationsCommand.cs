using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc obligations show ID</c> and <c>coc obligations reconcile [--dry-run]</c> (docs/pipeline.md "Operations"):
/// clients of the running hub's API (<c>GET /api/obligations/{id}</c>, <c>POST /api/obligations/reconcile</c>), because
/// an obligation's orchestration lives in the hub's Durable engine — in Azure its task hub, in the local runner its
/// process. They print ids, states, instants and levels only: no personal data.
/// Exit codes: 0 done; 1 the hub answered with an error or could not be reached; 2 unusable arguments; 3 unknown obligation.
/// </summary>
internal static class ObligationsCommand
{
    public static Command Create()
    {
        var hub = new Option<string?>("--hub")
        {
            Description = "The hub's site root (default: the COC_HUB_URL environment variable, else http://127.0.0.1:7071/)",
        };
        var key = new Option<string?>("--api-key")
        {
            Description = "The API key (default: the LocalRunner__ApiKey environment variable)",
        };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer" };
        var id = new Argument<string>("id") { Description = "The obligation id (as in the routing report or the API)" };
        var show = new Command("show", "An obligation: status, due, escalation level, and its orchestration's history (timers, levels, events)");
        show.Arguments.Add(id);
        show.Options.Add(hub);
        show.Options.Add(key);
        show.Options.Add(json);
        show.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var obligationId = parseResult.GetValue(id)!;
            if (obligationId.Length is 0 or > 200 || obligationId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_' and not '.'))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("The obligation id is letters, digits, '-', '_' or '.'.").ConfigureAwait(false);
                return 2;
            }

            var (status, body) = await CallAsync(parseResult, hub, key, HttpMethod.Get, "api/obligations/" + obligationId, cancellationToken).ConfigureAwait(false);
            if (status != HttpStatusCode.OK)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(body).ConfigureAwait(false);
                return status == HttpStatusCode.NotFound ? 3 : 1;
            }

            await output.WriteLineAsync(parseResult.GetValue(json) ? body : Describe(body)).ConfigureAwait(false);
            return 0;
        });

        var dryRun = new Option<bool>("--dry-run") { Description = "List the open obligations without an orchestration; start none" };
        var reconcile = new Command("reconcile", "Start an orchestration for every open obligation that has none (what the daily timer does)");
        reconcile.Options.Add(dryRun);
        reconcile.Options.Add(hub);
        reconcile.Options.Add(key);
        reconcile.Options.Add(json);
        reconcile.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = "api/obligations/reconcile" + (parseResult.GetValue(dryRun) ? "?dryRun=true" : string.Empty);
            var (status, body) = await CallAsync(parseResult, hub, key, HttpMethod.Post, path, cancellationToken).ConfigureAwait(false);
            if (status != HttpStatusCode.OK)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(body).ConfigureAwait(false);
                return 1;
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var missing = root.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).ToList();
            var text = parseResult.GetValue(json) ? body : string.Create(CultureInfo.InvariantCulture,
                $"Open obligations checked: {root.GetProperty("openChecked").GetInt32()}\nWithout an orchestration: {missing.Count}{string.Concat(missing.Select(m => "\n  " + m))}\nStarted: {root.GetProperty("started").GetInt32()}{(parseResult.GetValue(dryRun) ? " (dry run)" : string.Empty)}");
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(text).ConfigureAwait(false);
            return 0;
        });

        var command = new Command("obligations", "Obligations and their orchestrations on the running hub");
        command.Subcommands.Add(show);
        command.Subcommands.Add(reconcile);
        return command;
    }

    /// <summary>The human-readable form of <c>GET /api/obligations/{id}</c>'s answer.</summary>
    internal static string Describe(string body)
    {
        using var document = JsonDocument.Parse(body);
        var obligation = document.RootElement.GetProperty("obligation");
        var levels = obligation.GetProperty("escalationLevels").EnumerateArray().Select(l => l.GetInt32()).ToList();
        var lines = new List<string>
        {
            $"Obligation:    {obligation.GetProperty("id").GetString()} ({obligation.GetProperty("rule").GetString()}, owner {obligation.GetProperty("owner").GetString()})",
            $"Status:        {obligation.GetProperty("status").GetString()}",
            $"Due:           {obligation.GetProperty("dueLocal").GetString()} Europe/London ({obligation.GetProperty("due").GetString()})",
            $"Level reached: {(levels.Count == 0 ? 0 : levels.Max())}",
        };
        if (document.RootElement.TryGetProperty("escalations", out var escalations) && escalations.ValueKind == JsonValueKind.Array)
        {
            // Each level's email as the outbox holds it: Pending while the relay is down, Sent, Failed, Unconfirmed, …
            lines.AddRange(escalations.EnumerateArray().Select(e =>
                $"Level {e.GetProperty("level").GetInt32()} email: {e.GetProperty("email").GetString()}"
                + (e.TryGetProperty("emailId", out var id) && id.ValueKind == JsonValueKind.String ? $" ({id.GetString()})" : "")
                + (e.GetProperty("repeats").GetInt32() is > 0 and var repeats ? $", repeated {repeats}×" : "")));
        }

        if (document.RootElement.GetProperty("orchestration") is { ValueKind: JsonValueKind.Object } orchestration)
        {
            lines.Add($"Orchestration: {orchestration.GetProperty("runtimeStatus").GetString()} — {orchestration.GetProperty("step").GetString()}");
            lines.Add("History (engine clock, UTC):");
            lines.AddRange(orchestration.GetProperty("history").EnumerateArray().Select(line =>
                $"  {line.GetProperty("at").GetDateTime().ToUniversalTime():yyyy-MM-dd HH:mm:ss}  {line.GetProperty("kind").GetString(),-12}  {line.GetProperty("detail").GetString()}"));
        }
        else
        {
            lines.Add("Orchestration: none (coc obligations reconcile starts one for an open obligation)");
        }

        return string.Join('\n', lines);
    }

    private static async Task<(HttpStatusCode Status, string Body)> CallAsync(
        ParseResult parseResult, Option<string?> hub, Option<string?> key, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var given = parseResult.GetValue(hub) is { Length: > 0 } option ? option
            : Environment.GetEnvironmentVariable("COC_HUB_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:7071/";
        if (!Uri.TryCreate(given, UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            return (HttpStatusCode.BadRequest, $"--hub must be an http(s) address, not \"{given}\".");
        }

        using var client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(120) };
        using var request = new HttpRequestMessage(method, path);
        if ((parseResult.GetValue(key) ?? Environment.GetEnvironmentVariable("LocalRunner__ApiKey")) is { Length: > 0 } apiKey)
        {
            request.Headers.Add("x-functions-key", apiKey);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException exception)
        {
            return (HttpStatusCode.ServiceUnavailable, $"The hub at {root} could not be reached ({exception.HttpRequestError}).");
        }
    }
}
