using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

/// <summary>Tasks, possible matches, audit and notices: insert-if-absent and ETag-guarded decisions.</summary>
[Collection(StateAzuriteCollection.Name)]
public sealed class SmallStoresTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 24, 9, 0);

    [Fact]
    public async Task Tasks_SamePlanTaskTwice_IsStoredOnce_AndResolvesOnce()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var tasks = context.State.Tasks;
        var planned = new PlanTask(TaskKind.ConsentMissing, "LEI", "client-1", "consent not recorded for sharing with PRISON_SMT", "event-1");

        var (first, added) = await tasks.AddAsync(planned, Now, None);
        var (second, addedAgain) = await tasks.AddAsync(planned, Now + Duration.FromHours(1), None);
        await tasks.AddAsync(HubTaskKinds.OperatorNotice, PlanTask.Operator, null, "no court list by 07:00", null, Now, None);

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(first, second);
        Assert.Equal(HubTaskKinds.ConsentMissing, first.Kind);
        Assert.Equal(new[] { first }, await tasks.ListByClientAsync("client-1", None));
        Assert.Equal(2, (await tasks.ListOpenAsync(null, None)).Count);
        Assert.Equal(new[] { first }, await tasks.ListOpenAsync("LEI", None));

        Assert.Equal(ChangeOutcome.Applied, await tasks.ResolveAsync("client-1", first.Id, "user-1", Now, None));
        Assert.Equal(ChangeOutcome.AlreadyApplied, await tasks.ResolveAsync("client-1", first.Id, "user-2", Now, None));
        Assert.Equal(ChangeOutcome.NotFound, await tasks.ResolveAsync("client-1", "nope", "user-2", Now, None));
        var resolved = (await tasks.GetAsync("client-1", first.Id, None))!;
        Assert.Equal(HubTaskStatus.Resolved, resolved.Status);
        Assert.Equal("user-1", resolved.ResolvedBy);
        Assert.Single(await tasks.ListOpenAsync(null, None));
    }

    /// <summary>docs/plan.md "Match weight": the weight and its parts that held a record are stored with it, for the reviewer.</summary>
    [Fact]
    public async Task Matching_PossibleMatch_KeepsItsWeightAndParts()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var matches = context.State.PossibleMatches;
        var weight = new Core.Matching.MatchWeight(7.15, [new("surname", "agree", 9.625), new("dateOfBirth", "dayMonthSwapped", -2.475)]);

        var (held, _) = await matches.HoldAsync("file-sha-w", new SourceRef("results.csv", Line: 4), "client-9", "date of birth day and month swapped", "{}", Now, None, weight);
        var stored = (await matches.GetAsync(held.Id, None))!;

        Assert.Equal(7.15, stored.Weight!.Total);
        Assert.Equal(weight.Parts, stored.Weight.Parts);
    }

    /// <summary>docs/domain.md "Matching" step 3: a possible match is held, never routed, until a person decides — once.</summary>
    [Fact]
    public async Task Matching_PossibleMatch_HeldOnce_AndDecidedOnceByConcurrentPeople()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var matches = context.State.PossibleMatches;
        var source = new SourceRef("court-list.json", JsonPath: "$.courtLists[0]");

        var (held, added) = await matches.HoldAsync("file-sha", source, "client-1", "date of birth day/month swapped", "{\"record\":1}", Now, None);
        var (_, addedAgain) = await matches.HoldAsync("file-sha", source, "client-1", "date of birth day/month swapped", "{\"record\":1}", Now, None);
        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(new[] { held }, await matches.ListHeldAsync(None));

        var decisions = await Task.WhenAll(
            Task.Run(() => matches.ConfirmAsync(held.Id, "user-1", Now, None)),
            Task.Run(() => matches.RejectAsync(held.Id, "user-2", Now, None)),
            Task.Run(() => matches.ConfirmAsync(held.Id, "user-3", Now, None)));

        var winner = Assert.Single(decisions, d => d.Outcome == ChangeOutcome.Applied);
        var stored = (await matches.GetAsync(held.Id, None))!;
        Assert.Equal(winner.Match!.Status, stored.Status);
        Assert.Equal(winner.Match.DecidedBy, stored.DecidedBy);
        Assert.Empty(await matches.ListHeldAsync(None));
        Assert.Equal("{\"record\":1}", stored.Payload);
        Assert.Equal(source, stored.Source);
        Assert.Equal(ChangeOutcome.NotFound, (await matches.ConfirmAsync("missing", "user-1", Now, None)).Outcome);
    }

    [Fact]
    public async Task Audit_IsAppendOnly_OncePerId_AndReadByTimeRange()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var audit = context.State.Audit;
        var fulfil = new AuditEntry("fulfil:obl-1", Now, "user-1", "obligation.fulfilled", "obligation", "obl-1", "FulfilledOnTime");
        var escalate = new AuditEntry("escalate:obl-2:1", Now + Duration.FromDays(1), "EscalationSweep", "obligation.escalated", "obligation", "obl-2", "level 1");

        Assert.True(await audit.AppendAsync(fulfil, None));
        Assert.False(await audit.AppendAsync(fulfil with { Actor = "someone-else" }, None));
        Assert.True(await audit.AppendAsync(escalate, None));

        var all = new List<AuditEntry>();
        await foreach (var entry in audit.ReadAsync(Now, Now + Duration.FromDays(2), None))
        {
            all.Add(entry);
        }

        Assert.Equal(new[] { fulfil, escalate }, all.OrderBy(e => e.At));
        var firstDay = new List<AuditEntry>();
        await foreach (var entry in audit.ReadAsync(Now, Now + Duration.FromHours(1), None))
        {
            firstDay.Add(entry);
        }

        Assert.Equal(new[] { fulfil }, firstDay);
    }

    /// <summary>docs/operations.md "Notices": an operator notice once per feed per day.</summary>
    [Fact]
    public async Task MissingFeedAlarm_NoticeOncePerKeyPerDay()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var notices = context.State.Notices;
        var day = new LocalDate(2026, 12, 24);
        var notice = new HubNotice("missing-feed:court-lists", day, "MISSING_FEED", "No court list by 07:00", Now);

        Assert.True(await notices.TryRaiseAsync(notice, None));
        Assert.False(await notices.TryRaiseAsync(notice with { RaisedAt = Now + Duration.FromMinutes(15) }, None));
        Assert.True(await notices.TryRaiseAsync(notice with { Key = "missing-feed:discharges:LEI" }, None));
        Assert.True(await notices.TryRaiseAsync(notice with { Day = day.PlusDays(1), RaisedAt = Now + Duration.FromDays(1) }, None));

        Assert.Equal(2, (await notices.ListAsync(day, day, None)).Count);
        var both = await notices.ListAsync(day, day.PlusDays(1), None);
        Assert.Equal(3, both.Count);
        Assert.Equal(notice, both[0]);
    }
}
