using System.CommandLine;
using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc alert preview --plan-json FILE [--alert ID] --out DIR</c>: renders the Alert Forms of a plan
/// (<c>coc plan --json</c>) to <c>&lt;reference&gt;.html</c>, <c>.txt</c> and <c>.eml</c> files so a person can look
/// before anything is sent (docs/email.md "Previewing"). Nothing is sent. The form's <c>createdAt</c> is used as its
/// "date sent", so previews are reproducible. Exit 0 on success; 2 for an unreadable plan or an unknown alert id (docs/cli.md).
/// </summary>
internal static class AlertCommand
{
    /// <summary>Exit code for unusable arguments or input (Program.cs).</summary>
    public const int UsageError = 2;

    public static Command Create()
    {
        var planJson = new Option<string>("--plan-json") { Description = "Plan JSON written by `coc plan --json`", Required = true };
        var alertId = new Option<string>("--alert") { Description = "Only this alert: its id or its reference (CC-2026-…) (default: every alert in the plan)" };
        var output = new Option<string>("--out") { Description = "Directory for the .html/.txt/.eml files (created if missing)", Required = true };
        var preview = new Command("preview", "Render a plan's Alert Forms to .html/.txt/.eml files without sending anything");
        preview.Options.Add(planJson);
        preview.Options.Add(alertId);
        preview.Options.Add(output);
        preview.SetAction((parseResult, cancellationToken) => PreviewAsync(
            parseResult.GetValue(planJson)!,
            parseResult.GetValue(alertId),
            parseResult.GetValue(output)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));

        var command = new Command("alert", "Alert Forms: preview what would be sent; release one waiting for an operator");
        command.Subcommands.Add(preview);
        command.Subcommands.Add(CreateRelease());
        return command;
    }

    /// <summary>
    /// <c>coc alert release ID [--connection-string …]</c>: an Unconfirmed or Held alert goes back to Pending; the next
    /// timer sweep queues it and it is sent with the same Message-ID (an Unconfirmed one with the "may repeat" line).
    /// Exit 0 released; 1 not releasable (not found, or not Unconfirmed/Held); 2 no or invalid connection; 4 storage
    /// unreachable or refusing (docs/cli.md "Storage problems").
    /// </summary>
    private static Command CreateRelease()
    {
        var id = new Argument<string>("id") { Description = "The alert id (as `coc status` lists it)" };
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string (default: the AzureWebJobsStorage environment variable)",
        };
        var release = new Command("release", "Put an Unconfirmed or Held alert back in the queue, to be sent with the same Message-ID");
        release.Arguments.Add(id);
        release.Options.Add(connection);
        var verbose = StorageTrouble.VerboseOption();
        release.Options.Add(verbose);
        release.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if ((parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage")) is not { Length: > 0 } connectionString)
            {
                await error.WriteLineAsync("No storage connection: pass --connection-string or set AzureWebJobsStorage.").ConfigureAwait(false);
                return UsageError;
            }

            var alertId = parseResult.GetValue(id)!;
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            try
            {
                if (await StatusCommand.OutboxTable(configuration, connectionString).ReleaseAsync(alertId, cancellationToken).ConfigureAwait(false))
                {
                    await output.WriteLineAsync($"Released {alertId}: Pending; it is sent at the next sweep with the same Message-ID.").ConfigureAwait(false);
                    return 0;
                }

                await error.WriteLineAsync($"Alert {alertId} is not waiting for an operator (not found, or not Unconfirmed or Held).").ConfigureAwait(false);
                return 1;
            }
            catch (Exception exception) when (StorageTrouble.Is(exception))
            {
                return await StorageTrouble.ReportAsync(error, "alert release", exception, connectionString, parseResult.GetValue(verbose),
                    "Nothing was released.").ConfigureAwait(false);
            }
            catch (FormatException)
            {
                await error.WriteLineAsync("The storage connection string is not valid.").ConfigureAwait(false);
                return UsageError;
            }
        });
        return release;
    }

    /// <summary>Renders the alerts; one line per file set on <paramref name="output"/> (references and org codes only).</summary>
    public static async Task<int> PreviewAsync(
        string planJsonPath, string? alertId, string outputDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (InputFile.Problem(planJsonPath) is { } problem)
        {
            await error.WriteLineAsync($"coc alert preview: cannot read {problem}.").ConfigureAwait(false);
            return UsageError;
        }

        IReadOnlyList<PlannedAlert> alerts;
        try
        {
            await using var stream = File.OpenRead(planJsonPath);
            alerts = AlertFormJson.ReadPlannedAlerts(stream);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            await error.WriteLineAsync($"coc alert preview: cannot read plan JSON {planJsonPath}: {exception.Message}").ConfigureAwait(false);
            return UsageError;
        }

        // The id, or the reference printed on the form and in `coc plan` (CC-2026-…), which people quote.
        var selected = alertId is null
            ? alerts
            : [.. alerts.Where(alert => alert.Form.Id == alertId || string.Equals(alert.Form.Reference, alertId, StringComparison.OrdinalIgnoreCase))];
        if (selected.Count == 0)
        {
            await error.WriteLineAsync(alertId is null
                ? "coc alert preview: the plan has no alerts."
                : $"coc alert preview: no alert with id or reference {alertId} in the plan.").ConfigureAwait(false);
            return alertId is null ? 0 : UsageError;
        }

        Directory.CreateDirectory(outputDirectory);
        var smtp = new SmtpOptions { Host = "localhost", SenderAddress = "preview@continuity-of-care.hub" };
        var factory = new AlertEmailFactory(new AlertFormRenderer(), Options.Create(smtp));
        var allowList = SecureMailPolicy.Default;
        foreach (var alert in selected)
        {
            var form = alert.Form;
            var email = factory.Create(form, form.CreatedAt);
            var stem = Path.Combine(outputDirectory, SafeFileName(form.Reference));
            await File.WriteAllTextAsync(stem + ".html", email.HtmlBody, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(stem + ".txt", email.TextBody, cancellationToken).ConfigureAwait(false);
            await EmlWriter.WriteAsync(email, stem + ".eml", cancellationToken).ConfigureAwait(false);
            var held = alert.Status == AlertStatus.Held || !allowList.Allows(form.To.Email)
                ? " [held: recipient outside the default secure-mail allow-list; would not be sent]"
                : "";
            await output.WriteLineAsync($"{form.Reference} -> {form.To.OrgCode}: {stem}.html|.txt|.eml{held}").ConfigureAwait(false);
        }

        return 0;
    }

    private static string SafeFileName(string reference) =>
        string.Concat(reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
