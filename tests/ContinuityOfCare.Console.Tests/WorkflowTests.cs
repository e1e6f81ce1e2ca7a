using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.State;
using Microsoft.Playwright;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The console's everyday tasks in Chromium, as a person does them: confirm a possible match (its Alert Form arrives in
/// maildev), mark an obligation fulfilled, resolve a task, replay a poison message after a dry run.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class WorkflowTests(ConsoleWorld world)
{
    [Fact]
    public async Task Confirming_a_possible_match_routes_it_and_its_Alert_Form_arrives_in_maildev()
    {
        var before = (await world.Maildev.GetEmailsAsync()).Count;
        var page = await world.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Possible matches" }).ClickAsync();
        var held = await world.Get<PossibleMatchStore>().ListHeldAsync(CancellationToken.None);
        // A court-results record of a remand or sentence to custody plans Alert Forms once it is matched.
        var results = await File.ReadAllLinesAsync(Path.Combine(ConsoleWorld.RepositoryRoot, "samples", "court-results", "court-results_2026-12-24.csv"));
        var match = held.First(m => m.Source.SourceFile.StartsWith("court-results", StringComparison.Ordinal)
            && m.Source.Line is { } line && results[line - 1].Contains("CUSTODY", StringComparison.Ordinal));
        await page.Locator($"a[href$='/possible-matches/{match.Id}']").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Review possible match" }).WaitForAsync();

        // Without a reason the form is refused with an error summary, and nothing is decided.
        await page.GetByLabel("Yes, confirm").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await ConsoleWorld.ExpectTextAsync(page, "There is a problem");
        Assert.Equal(PossibleMatchStatus.Held, (await world.Get<PossibleMatchStore>().GetAsync(match.Id, CancellationToken.None))!.Status);

        await page.GetByLabel("Yes, confirm").CheckAsync();
        await page.GetByLabel("Reason").FillAsync("Same person: the date of birth was keyed one day out");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        await ConsoleWorld.ExpectTextAsync(page, "Possible match confirmed");

        Assert.Equal(PossibleMatchStatus.Confirmed, (await world.Get<PossibleMatchStore>().GetAsync(match.Id, CancellationToken.None))!.Status);
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, before + 1);
        Assert.True(emails.Count > before);
        var audit = await ReadAuditAsync();
        Assert.Contains(audit, e => e.Action == "possible-match.confirmed" && e.TargetId == match.Id && e.Actor == "local-operator");
        Assert.Contains(audit, e => e.Action == "possible-match.reason" && e.TargetId == match.Id && e.Detail == "Same person: the date of birth was keyed one day out");
    }

    [Fact]
    public async Task Marking_an_obligation_fulfilled_closes_it_audits_it_and_hides_the_form()
    {
        var open = (await world.Get<ObligationStore>().QueryAsync(new ObligationQuery(Owner: "LEI"), CancellationToken.None)).First(o => !o.Obligation.IsClosed);
        var page = await world.SignedInPageAsync();
        await page.GotoAsync("/api/console/obligations?team=LEI");
        await page.Locator($"a[href$='/obligations/{open.Id}']").ClickAsync();
        await page.GetByLabel("Note (optional)").FillAsync("DIR sent by secure mail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as fulfilled" }).ClickAsync();
        await ConsoleWorld.ExpectTextAsync(page, "Obligation marked as fulfilled");

        var stored = await world.Get<ObligationStore>().GetAsync(open.Id, CancellationToken.None);
        Assert.True(stored!.Obligation.IsClosed);
        Assert.Equal("local-operator", stored.ClosedBy);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Mark as fulfilled" }).CountAsync());
        Assert.Contains(await ReadAuditAsync(), e => e.Action == "obligation.fulfilled" && e.TargetId == open.Id);

        // Listed among the team's fulfilled obligations (the closed index), and no longer among its open ones.
        var closedList = $"/api/console/obligations?team=LEI&rule={open.Obligation.RuleId}&status=fulfilled";
        await page.GotoAsync(closedList);
        Assert.Equal(1, await page.Locator($"a[href$='/obligations/{open.Id}']").CountAsync());
        await page.GotoAsync(closedList + "&sort=due-desc");
        Assert.Equal(1, await page.Locator($"a[href$='/obligations/{open.Id}']").CountAsync());
        await page.GotoAsync($"/api/console/obligations?team=LEI&rule={open.Obligation.RuleId}&status=active");
        Assert.Equal(0, await page.Locator($"a[href$='/obligations/{open.Id}']").CountAsync());
    }

    [Fact]
    public async Task Resolving_a_task_needs_a_note_and_is_audited()
    {
        var task = (await world.Get<TaskStore>().ListOpenAsync(null, CancellationToken.None)).OrderBy(t => t.CreatedAt).First();
        var page = await world.SignedInPageAsync();
        await page.GotoAsync("/api/console/tasks?kind=" + task.Kind);
        var card = page.Locator(".govuk-summary-card", new() { Has = page.Locator($"input[name='taskId'][value='{task.Id}']") });
        await card.GetByLabel("How was it resolved?").FillAsync("Consent obtained and recorded");
        await card.GetByRole(AriaRole.Button, new() { Name = "Resolve task" }).ClickAsync();
        await ConsoleWorld.ExpectTextAsync(page, "Task resolved");
        Assert.Equal(HubTaskStatus.Resolved, (await world.Get<TaskStore>().GetAsync(task.ClientId, task.Id, CancellationToken.None))!.Status);
        Assert.Contains(await ReadAuditAsync(), e => e.Action == "task.resolved" && e.TargetId == task.Id && e.Detail == "Consent obtained and recorded");
    }

    [Fact]
    public async Task Replaying_a_poison_message_shows_a_dry_run_first_then_moves_it_back()
    {
        // A message the ingest step has already handled (the client register, by its SHA-256): replayed, it is a no-op.
        var register = await File.ReadAllBytesAsync(Path.Combine(ConsoleWorld.RepositoryRoot, "samples", "clients.csv"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(register));
        var poison = new QueueClient(world.ConnectionString, PipelineQueues.PoisonOf(PipelineQueues.Ingest), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync(PipelineJson.Serialize(new IngestMessage("clients", "clients.csv", sha)));

        var page = await world.SignedInPageAsync();
        await page.GotoAsync("/api/console/operations");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay ingest-poison" }).ClickAsync();
        await ConsoleWorld.ExpectTextAsync(page, "Dry run: nothing has moved yet");
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await page.GetByRole(AriaRole.Button, new() { Name = "Replay 1 message(s)" }).ClickAsync();
        await ConsoleWorld.ExpectTextAsync(page, "Moved 1 message(s) from ingest-poison to ingest");
        Assert.Equal(0, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Contains(await ReadAuditAsync(), e => e.Action == "poison.replayed" && e.TargetId == "ingest" && e.Detail == "1");
    }

    private async Task<List<AuditEntry>> ReadAuditAsync()
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in world.Get<AuditStore>().ReadAsync(world.Clock.GetCurrentInstant() - NodaTime.Duration.FromDays(2), world.Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(2), CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
