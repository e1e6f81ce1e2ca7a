using ContinuityOfCare.Core.Alerts;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Options;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>
/// docs/email.md "The residual window": <c>coc status</c> shows Unconfirmed and repeated Alert Forms, and
/// <c>coc alert release ID</c> puts an Unconfirmed one back in the queue — against the outbox table in Azurite.
/// </summary>
[Collection(OperationsAzuriteCollection.Name)]
public sealed class AlertReleaseCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StatusListsUnconfirmedAndRepeatedAlerts_AndReleasePutsOnlyAnUnconfirmedOneBack()
    {
        var outbox = new TableClient(azurite.ConnectionString, new OutboxOptions().AlertsTable);
        await outbox.CreateIfNotExistsAsync();
        var unconfirmed = "unc" + Guid.NewGuid().ToString("N");
        var repeated = "rep" + Guid.NewGuid().ToString("N");
        var plain = "snt" + Guid.NewGuid().ToString("N");
        var started = new DateTimeOffset(2026, 12, 11, 10, 14, 0, TimeSpan.Zero);
        await outbox.AddEntityAsync(Row(unconfirmed, "CC-2026-UNC001", AlertStatus.Unconfirmed, repeats: 3, reply: "attempt started Fri 11 Dec 2026 10:14 (UK time) recorded no reply", started));
        await outbox.AddEntityAsync(Row(repeated, "CC-2026-REP001", AlertStatus.Sent, repeats: 1, reply: "250 2.0.0 Ok: queued as 4Xk2", started));
        await outbox.AddEntityAsync(Row(plain, "CC-2026-SNT001", AlertStatus.Sent, repeats: 0, reply: "250 2.0.0 Ok: queued as 5Yl3", started));

        var output = await StatusAsync();

        Assert.Matches(@"Alert Forms needing attention: [1-9]\d* unconfirmed, [1-9]\d* repeated", output);
        Assert.Matches($@"\n  CC-2026-UNC001\s+Unconfirmed\s+Unknown\s+3  {unconfirmed}\s+attempt started", output);
        Assert.Matches($@"\n  CC-2026-REP001\s+Sent\s+Unknown\s+1  {repeated}\s+250 2\.0\.0 Ok: queued as 4Xk2", output);
        Assert.DoesNotContain(plain, output, StringComparison.Ordinal);

        var released = await CliRunner.RunAsync("alert", "release", unconfirmed, "--connection-string", azurite.ConnectionString);
        var refused = await CliRunner.RunAsync("alert", "release", repeated, "--connection-string", azurite.ConnectionString);

        Assert.Equal(0, released.ExitCode);
        Assert.Contains($"Released {unconfirmed}", released.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not waiting for an operator", refused.Error, StringComparison.Ordinal);
        var row = (await outbox.GetEntityAsync<TableEntity>(OutboxKeys.Key(unconfirmed), OutboxKeys.RowKey)).Value;
        Assert.Equal(nameof(AlertStatus.Pending), row.GetString("Status"));
        // The re-send is labelled as a possible repeat of the first unanswered attempt.
        Assert.Equal(started, row.GetDateTimeOffset("RepeatOfAttemptAt"));
        Assert.Equal(nameof(AlertStatus.Sent), (await outbox.GetEntityAsync<TableEntity>(OutboxKeys.Key(repeated), OutboxKeys.RowKey)).Value.GetString("Status"));
    }

    /// <summary>
    /// An escalation email carries its Alert Form's reference: <c>coc status</c> lists it under "Escalation emails needing
    /// attention", never among (or counted with) the Alert Forms.
    /// </summary>
    [Fact]
    public async Task Status_ListsEscalationEmailsApartFromTheAlertFormWithTheSameReference()
    {
        var outbox = new TableClient(azurite.ConnectionString, new OutboxOptions().AlertsTable);
        await outbox.CreateIfNotExistsAsync();
        var form = "frm" + Guid.NewGuid().ToString("N");
        var escalation = "escalation-obl" + Guid.NewGuid().ToString("N") + "-l1";
        var started = new DateTimeOffset(2026, 12, 11, 10, 14, 0, TimeSpan.Zero);
        await outbox.AddEntityAsync(Row(form, "CC-2026-ESC001", AlertStatus.Sent, repeats: 1, reply: "250 2.0.0 Ok: queued as 6Zm4", started));
        var row = Row(escalation, "CC-2026-ESC001", AlertStatus.Unconfirmed, repeats: 3, reply: "attempt started Fri 11 Dec 2026 10:14 (UK time) recorded no reply", started);
        row["Kind"] = OutboxKeys.EscalationKind;
        await outbox.AddEntityAsync(row);
        var output = await StatusAsync();

        var formsAt = output.IndexOf("Alert Forms needing attention:", StringComparison.Ordinal);
        var escalationsAt = output.IndexOf("Escalation emails needing attention:", StringComparison.Ordinal);
        Assert.True(formsAt >= 0 && escalationsAt > formsAt, output);
        var forms = output[formsAt..escalationsAt];
        var escalations = output[escalationsAt..];
        Assert.Contains(form, forms, StringComparison.Ordinal);
        Assert.DoesNotContain(escalation, forms, StringComparison.Ordinal);
        Assert.Matches($@"\n  CC-2026-ESC001\s+Unconfirmed\s+Unknown\s+3  {escalation}\s+attempt started", escalations);
        Assert.DoesNotContain(form, escalations, StringComparison.Ordinal);
        Assert.Matches(@"^Escalation emails needing attention: [1-9]\d* unconfirmed", escalations);
    }

    [Fact]
    public async Task Release_WithoutAConnection_Exits2()
    {
        var previous = Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        Assert.True(string.IsNullOrEmpty(previous), "the test process must not carry a storage connection");

        var (exitCode, _, error) = await CliRunner.RunAsync("alert", "release", "some-alert");

        Assert.Equal(2, exitCode);
        Assert.Contains("No storage connection", error, StringComparison.Ordinal);
    }

    /// <summary><c>coc status</c> against the shared outbox table and fresh state tables: its output, after a clean exit.</summary>
    private async Task<string> StatusAsync()
    {
        var prefix = azurite.UniqueName("outbox");
        await new StateTables(HubStorage.ForConnectionString(azurite.ConnectionString), Options.Create(new StateOptions { TablePrefix = prefix }))
            .EnsureCreatedAsync(CancellationToken.None);

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--connection-string", azurite.ConnectionString, "--table-prefix", prefix);

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        return output;
    }

    private static TableEntity Row(string id, string reference, AlertStatus status, int repeats, string reply, DateTimeOffset started) =>
        new(OutboxKeys.Key(id), OutboxKeys.RowKey)
        {
            ["AlertId"] = id,
            ["Reference"] = reference,
            ["Status"] = status.ToString(),
            ["RecipientOrgCode"] = "LEI",
            ["RecipientEmail"] = "smt.lei@justice.gov.uk",
            ["AttemptCount"] = repeats + 1,
            ["AttemptStartedAt"] = started,
            ["MessageId"] = $"<{id}@continuity-of-care.hub>",
            ["Repeats"] = repeats,
            ["SmtpCode"] = reply.StartsWith("250", StringComparison.Ordinal) ? 250 : 0,
            ["SmtpReply"] = reply,
        };
}
