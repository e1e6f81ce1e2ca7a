using ContinuityOfCare.Mail.Outbox;
using System.Net;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary><c>coc status</c> and <c>coc hub run</c> against Azurite.</summary>
[Collection(OperationsAzuriteCollection.Name)]
public sealed class StatusAndHubCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Status_ListsTheAppQueuesAndOverdueObligationsByOwner()
    {
        var prefix = azurite.UniqueName("status");
        var storage = HubStorage.ForConnectionString(azurite.ConnectionString);
        var tables = new StateTables(storage, Options.Create(new StateOptions { TablePrefix = prefix }));
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var store = new ObligationStore(tables, NullLogger<ObligationStore>.Instance);
        var now = SystemClock.Instance.GetCurrentInstant();
        foreach (var (id, owner, due) in new[]
        {
            ("ob-late-1", "CJIT-LDS", now - Duration.FromDays(2)),
            ("ob-late-2", "CJIT-LDS", now - Duration.FromHours(3)),
            ("ob-late-3", "LEI", now - Duration.FromHours(1)),
            ("ob-future", "WYI", now + Duration.FromDays(1)),
        })
        {
            await store.OpenAsync(new NewObligation(
                new Obligation(id, RuleIds.CjitDirToPrison, owner, due - Duration.FromDays(1), due, false, ObligationPriority.Standard),
                "C-1", "E-" + id, "send the DIR"), CancellationToken.None);
        }

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--connection-string", azurite.ConnectionString, "--table-prefix", prefix);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Matches(@"\n  route\s+0\s+-\s+0", output);
        Assert.Matches(@"\n  CJIT-LDS\s+2\s+2d", output);
        Assert.Matches(@"\n  LEI\s+1\s+", output);
        Assert.DoesNotContain("WYI", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ListsRecentOperatorNotices_AndNotOlderOnes()
    {
        var prefix = azurite.UniqueName("notices");
        var storage = HubStorage.ForConnectionString(azurite.ConnectionString);
        var tables = new StateTables(storage, Options.Create(new StateOptions { TablePrefix = prefix }));
        await tables.EnsureCreatedAsync(CancellationToken.None);
        var store = new OperatorNoticeStore(tables.Get(TableNames.Notices));
        var notices = new NoticeStore(store);
        var now = SystemClock.Instance.GetCurrentInstant();
        var today = LondonTime.ToLocal(now).Date;
        await notices.TryRaiseAsync(new HubNotice("missing-discharge-export-LEI", today, "MissingDischargeExport", "No discharge export from LEI", now), CancellationToken.None);
        // A delivery notice from the mail outbox lands in the same store and is listed with the hub's own.
        await store.TryAddAsync(new NoticeRecord("alert-1-Bounced", today, "Bounced", "550 mailbox unavailable", now, "alert-1", "CC-2026-000001", "SMT-LEI"), CancellationToken.None);
        await notices.TryRaiseAsync(new HubNotice("missing-court-list-old", today.PlusDays(-30), "MissingCourtList", "Old notice", now), CancellationToken.None);

        var (exitCode, output, error) = await CliRunner.RunAsync("status", "--connection-string", azurite.ConnectionString, "--table-prefix", prefix);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Operator notices (last 7 days)", output, StringComparison.Ordinal);
        Assert.Contains("MissingDischargeExport: No discharge export from LEI", output, StringComparison.Ordinal);
        Assert.Contains("Bounced: 550 mailbox unavailable (alert CC-2026-000001, recipient SMT-LEI)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Old notice", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_InvalidConnectionString_Exits2()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("status", "--connection-string", "this is not a connection string");

        Assert.Equal(2, exitCode);
        Assert.Contains("connection string is not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HubRun_ServesReadiness_AndStopsCleanlyWhenCancelled()
    {
        // The hub validates these at start; the verb reads them from the environment, as in a deployment.
        foreach (var (name, value) in HubSettings.Required)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var port = LoopbackPorts.Free();
        using var stop = new CancellationTokenSource();
        var run = CliRunner.RunAsync(stop.Token, "hub", "run", "--connection-string", azurite.ConnectionString, "--urls", $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        HttpStatusCode? readiness = null;
        for (var attempt = 0; attempt < 300 && readiness is null && !run.IsCompleted; attempt++)
        {
            try
            {
                readiness = (await client.GetAsync("/")).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        await stop.CancelAsync();
        var (exitCode, output, error) = await run;

        Assert.Equal(HttpStatusCode.OK, readiness);
        Assert.Equal(0, exitCode);
        Assert.Contains("Hub stopped.", output, StringComparison.Ordinal);
        Assert.Equal("", error);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/"));
    }
}
