using System.Globalization;
using System.Text.Json;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>
/// The main job's summary, read back from the hub's state and reports: files, rejected records with reasons, matches,
/// possible matches held, alerts by recipient and status, obligations with due instants, tasks. Codes, ids and reasons
/// only — never names or dates of birth (docs/domain.md "Consent and data minimisation").
/// </summary>
internal sealed class DemoSummary(IServiceProvider services, string connection, TextWriter output)
{
    /// <summary>Prints the summary of <paramref name="files"/>.</summary>
    public async Task PrintAsync(IReadOnlyList<DemoFile> files, CancellationToken cancellationToken)
    {
        var ingested = services.GetRequiredService<IngestedFileStore>();
        var outbox = services.GetRequiredService<AlertOutbox>();
        var invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("Summary").ConfigureAwait(false);
        await Line($"Files ({files.Count})").ConfigureAwait(false);
        var rejectedLines = new List<string>();
        var warnings = 0;
        var reports = new List<JsonDocument>();
        var (earlierFiles, earlierAlerts) = (0, 0);
        try
        {
            foreach (var file in files)
            {
                var row = await ingested.GetAsync(file.Sha256, cancellationToken).ConfigureAwait(false);
                await Line($"  {file.Container}/{file.Name}: {row?.Status.ToString().ToLowerInvariant() ?? "not ingested"}{(file.Earlier ? " by an earlier run" : "")}, {row?.RecordsAccepted ?? 0} records, {row?.RecordsRejected ?? 0} rejected").ConfigureAwait(false);
                using (var ingest = await RouteReportReader.TryReadIngestAsync(connection, file.Container, file.Sha256, cancellationToken).ConfigureAwait(false))
                {
                    if (ingest is not null)
                    {
                        foreach (var problem in ingest.RootElement.GetProperty("problems").EnumerateArray())
                        {
                            if (problem.GetProperty("kind").GetString() == "warning")
                            {
                                warnings++;
                                continue;
                            }

                            var where = problem.GetProperty("line").ValueKind == JsonValueKind.Number
                                ? "line " + problem.GetProperty("line").GetInt32().ToString(invariant)
                                : problem.GetProperty("path").GetString() ?? "";
                            rejectedLines.Add($"  {file.Name} {where}: {problem.GetProperty("reason").GetString()}");
                        }

                        if (ingest.RootElement.GetProperty("fileRejection").GetString() is { } whole)
                        {
                            rejectedLines.Add($"  {file.Name} (whole file): {whole}");
                        }
                    }
                }

                if (await RouteReportReader.TryReadAsync(connection, file.Sha256, cancellationToken).ConfigureAwait(false) is { } report)
                {
                    if (file.Earlier)
                    {
                        // Routed and sent by an earlier run (--data-dir): counted apart, never shown as this run's work.
                        using (report)
                        {
                            earlierAlerts += report.RootElement.GetProperty("alerts").GetArrayLength();
                            earlierFiles++;
                        }
                    }
                    else
                    {
                        reports.Add(report);
                    }
                }
            }

            await Line($"Records rejected ({rejectedLines.Count}; plus {warnings} warnings on records still used)").ConfigureAwait(false);
            foreach (var line in rejectedLines)
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            int Sum(string name) => reports.Sum(r => r.RootElement.GetProperty("counts").GetProperty(name).GetInt32());
            await Line($"Matching: {Sum("records")} feed records, {Sum("matched")} matched to clients, {Sum("possibleMatches")} possible matches held for a person to confirm, {Sum("unmatched")} not clients (kept only as this count), {Sum("ignored")} ignored by rule").ConfigureAwait(false);
            await Line($"Events detected: {Sum("events")}").ConfigureAwait(false);

            var alerts = reports.SelectMany(r => r.RootElement.GetProperty("alerts").EnumerateArray()).ToList();
            var byRecipient = new SortedDictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var alert in alerts)
            {
                var entry = await outbox.GetAsync(alert.GetProperty("id").GetString()!, cancellationToken).ConfigureAwait(false);
                var recipient = $"{alert.GetProperty("toOrgCode").GetString()} <{alert.GetProperty("toEmail").GetString()}>";
                var status = entry?.Status.ToString() ?? "missing";
                if (!byRecipient.TryGetValue(recipient, out var counts))
                {
                    byRecipient[recipient] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                counts[status] = counts.GetValueOrDefault(status) + 1;
            }

            if (earlierFiles > 0)
            {
                await Line($"Alert Forms: {alerts.Count} new, {earlierAlerts} already sent earlier ({earlierFiles} feed files were ingested by an earlier run and are not routed again)").ConfigureAwait(false);
            }

            await Line($"Alert Forms by recipient ({alerts.Count}{(earlierFiles > 0 ? " new this run" : "")})").ConfigureAwait(false);
            foreach (var (recipient, counts) in byRecipient)
            {
                await Line($"  {recipient}: {string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key.ToLowerInvariant()}"))}").ConfigureAwait(false);
            }

            var obligations = reports.SelectMany(r => r.RootElement.GetProperty("obligations").EnumerateArray()).ToList();
            await Line($"Obligations opened ({obligations.Count})").ConfigureAwait(false);
            foreach (var obligation in obligations.OrderBy(o => o.GetProperty("due").GetString(), StringComparer.Ordinal))
            {
                await Line($"  {obligation.GetProperty("rule").GetString(),-26} owner {obligation.GetProperty("owner").GetString(),-6} due {obligation.GetProperty("due").GetString() ?? "(calendar not covered)"}").ConfigureAwait(false);
            }

            // Distinct by the stored task's id: the hub stores a task raised by two files once (as coc plan shows it).
            var tasks = reports.SelectMany(r => r.RootElement.GetProperty("tasks").EnumerateArray())
                .DistinctBy(task => task.GetProperty("id").GetString(), StringComparer.Ordinal).ToList();
            await Line($"Tasks for people ({tasks.Count})").ConfigureAwait(false);
            foreach (var task in tasks)
            {
                await Line($"  {task.GetProperty("kind").GetString()} for {task.GetProperty("owner").GetString()}: {task.GetProperty("reason").GetString()}").ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var report in reports)
            {
                report.Dispose();
            }
        }
    }

    private Task Line(FormattableString text) => output.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));
}
