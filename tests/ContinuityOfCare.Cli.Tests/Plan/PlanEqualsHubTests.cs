using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using ContinuityOfCare.Cli.Demo;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Plan;

/// <summary>
/// docs/plan.md "One file at a time": the preview is the hub. Runs the README's main job (<c>coc demo</c>, the hub on
/// Azurite and maildev, every sample file dropped into its inbox) and <c>coc plan --json</c> on the same files at the
/// same "now", and compares what the hub stored with the plan one to one, in both directions: events (kind, client,
/// process point), Alert Forms in the outbox (recipient, boxes, process point), obligations (rule, owner, due) and tasks
/// for people (kind, owner, client, reason) — the tasks as stored and as counted across the route reports.
/// </summary>
public class PlanEqualsHubTests
{
    [Fact]
    public async Task The_main_job_stores_exactly_what_coc_plan_previews_on_the_samples()
    {
        var (exit, planJson, planError) = await PlanGoldenTests.RunAsync(PlanGoldenTests.SamplesRequest());
        Assert.True(exit == 0, planError);
        using var plan = JsonDocument.Parse(planJson);
        var planEvents = plan.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => (Id: S(e, "id"), Client: S(e, "clientId"), Line: $"{S(e, "kind")} {S(e, "clientId")} {S(e, "processPoint")}")).ToList();
        var planAlerts = plan.RootElement.GetProperty("alerts").EnumerateArray()
            .Select(a => $"{S(a, "id")} to {S(a.GetProperty("to"), "orgCode")} <{S(a, "toEmail")}> boxes {string.Join('+', a.GetProperty("boxes").EnumerateArray().Select(b => b.GetString()))} at {S(a, "processPoint")}")
            .Order(StringComparer.Ordinal).ToList();
        var planObligations = plan.RootElement.GetProperty("obligations").EnumerateArray()
            .Select(o => $"{S(o, "id")} {S(o, "rule")} owner {S(o, "owner")} due {S(o, "due")}").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(planEvents);
        Assert.NotEmpty(planAlerts);
        Assert.NotEmpty(planObligations);
        var planTasks = plan.RootElement.GetProperty("tasks").EnumerateArray()
            .Select(t => $"{S(t, "kind")} for {S(t, "owner")} client {S(t, "clientId")}: {S(t, "reason")}").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(planTasks);

        var hubEvents = new List<string>();
        var hubEventCount = 0;
        var hubAlerts = new List<string>();
        var hubObligations = new List<string>();
        var reportedObligationIds = new List<string>();
        var hubTasks = new List<string>();
        var reportedTaskIds = new List<string>();
        async Task ReadHubAsync(IServiceProvider services, string connection, CancellationToken cancellationToken)
        {
            var state = services.GetRequiredService<HubState>();
            foreach (var (id, client, _) in planEvents)
            {
                var stored = await state.Events.GetAsync(client, id, cancellationToken);
                hubEvents.Add(stored is null ? $"missing {id}" : $"{stored.Kind} {stored.ClientId} {stored.ProcessPoint}");
            }

            foreach (var feed in FeedFiles())
            {
                using var report = await RouteReportReader.TryReadAsync(connection, Sha256(feed), cancellationToken);
                Assert.NotNull(report);
                hubEventCount += report.RootElement.GetProperty("counts").GetProperty("events").GetInt32();
                reportedObligationIds.AddRange(report.RootElement.GetProperty("obligations").EnumerateArray().Select(o => S(o, "id")));
                reportedTaskIds.AddRange(report.RootElement.GetProperty("tasks").EnumerateArray().Select(t => S(t, "id")));
            }

            foreach (var id in reportedObligationIds.Distinct(StringComparer.Ordinal))
            {
                var stored = await state.Obligations.GetAsync(id, cancellationToken);
                hubObligations.Add(stored is null ? $"missing {id}"
                    : $"{id} {stored.Obligation.RuleId} owner {stored.Obligation.OwnerOrganisationId} due {LondonTime.FormatIso(stored.Obligation.Due)}");
            }

            // Every task the hub stored for the clients of the sample register (tasks are partitioned by client).
            foreach (var client in plan.RootElement.GetProperty("tasks").EnumerateArray().Select(t => S(t, "clientId")).Distinct(StringComparer.Ordinal))
            {
                hubTasks.AddRange((await state.Tasks.ListByClientAsync(client, cancellationToken))
                    .Select(t => $"{t.Kind} for {t.Owner} client {t.ClientId}: {t.Reason}"));
            }

            // Every Alert Form the hub put in its outbox, read back as stored (the form the email is rendered from).
            var outbox = new TableClient(connection, services.GetRequiredService<IOptions<OutboxOptions>>().Value.AlertsTable);
            await foreach (var row in outbox.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var form = OutboxFormJson.Deserialize(row.GetString("Form")!);
                hubAlerts.Add($"{form.Id} to {form.To.OrgCode} <{form.To.Email}> boxes {string.Join('+', form.Boxes)} at {form.ProcessPoint}");
            }
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new DemoSettings(InstantPattern(PlanGoldenTests.FixedNow), RepositoryPaths.Samples, null, ExitWhenDone: true, TimeSpan.FromMinutes(5));
        var demoExit = await new DemoRunner(settings, output, error, ReadHubAsync).RunAsync(CancellationToken.None);
        Assert.True(demoExit == 0, $"the main job failed ({demoExit}): {error}\n{output}");

        Assert.Equal(planEvents.Select(e => e.Line), hubEvents);
        Assert.Equal(planEvents.Count, hubEventCount);
        Assert.Equal(planAlerts, hubAlerts.Order(StringComparer.Ordinal));
        Assert.Equal(planObligations, hubObligations.Order(StringComparer.Ordinal));
        Assert.Equal(planTasks, hubTasks.Order(StringComparer.Ordinal));
        Assert.Equal(planTasks.Count, reportedTaskIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains($"Tasks for people ({planTasks.Count})", output.ToString(), StringComparison.Ordinal);
    }

    private static string S(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "null";

    private static Instant InstantPattern(string text) => LondonTime.TryParse(text, out Instant instant, out _)
        ? instant
        : throw new InvalidOperationException($"cannot read {text}");

    private static IEnumerable<string> FeedFiles() =>
        new[] { "court-lists", "court-results", "discharges" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, folder)));

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
