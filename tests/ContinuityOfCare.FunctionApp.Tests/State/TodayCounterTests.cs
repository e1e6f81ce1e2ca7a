using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.Console;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

/// <summary>
/// docs/console.md "Today counts": the Today page's stored figures, counted from the open indexes only, agree with a
/// count made from the obligations and tasks themselves; they are read when current and counted again when missing,
/// of another London day or stale; a slow count never replaces a later one; a team member's figures are its teams'.
/// </summary>
[Collection(StateAzuriteCollection.Name)]
public sealed class TodayCounterTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    // 23:30 in London (BST): the London day ends at 23:00 UTC, an hour before the UTC day does.
    private static readonly Instant Now = Instant.FromUtc(2026, 7, 10, 22, 30);
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    // Org codes sorting below the open index's bookkeeping partitions (_all…, _meta) and above them.
    private static readonly string[] Teams = ["1ABC", "TEAMA", "TEAMB", "t9"];
    private static readonly string[] Kinds = ["CONSENT_MISSING", "UNROUTABLE", "INSECURE_RECIPIENT"];

    [Fact]
    public async Task Each_teams_figures_match_a_count_of_the_obligations_and_tasks_themselves()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        // Due from three days ago to two days ahead, in uneven steps, so every team has past, today and later ones.
        var dues = Enumerable.Range(0, 80).Select(i => (Id: $"ob-{i}", Team: Teams[i * 7 % Teams.Length], Due: Now + Duration.FromMinutes((i * 97 % (5 * 24 * 60)) - (3 * 24 * 60)))).ToList();
        dues.Add(("ob-london-today", "TEAMA", Now + Duration.FromMinutes(20)));   // 23:50 London: later today
        dues.Add(("ob-utc-today", "TEAMA", Now + Duration.FromMinutes(45)));      // 00:15 London tomorrow, though 10 July in UTC
        dues.Add(("ob-due-now", "TEAMB", Now));                                   // due at this instant: not yet past due
        // A team between two others with nothing due by tonight: the team search passes over it (its first row is later).
        dues.Add(("ob-future-only-1", "TEAMAB", Now + Duration.FromDays(2)));
        dues.Add(("ob-future-only-2", "TEAMAB", Now + Duration.FromDays(3)));
        await store.OpenManyAsync(dues.Select(d => Opening(d.Id, d.Team, d.Due)), None);

        var pastDue = dues.Where(d => d.Due < Now).Select(d => d.Id).ToList();
        for (var i = 0; i < pastDue.Count; i++)
        {
            switch (i % 6)
            {
                case 0:
                    await store.FulfilAsync(pastDue[i], Now, "user", null, None);
                    break;
                case 1:
                    await store.CancelAsync(pastDue[i], Now, "user", "superseded", None);
                    break;
                case 2 or 3 or 4:
                    for (var level = 1; level <= (i % 6) - 1; level++)
                    {
                        Assert.Equal(ChangeOutcome.Applied, (await store.RecordEscalationAsync(pastDue[i], level, Now, "", None)).Outcome);
                    }

                    break;
            }
        }

        var later = dues.Where(d => d.Due >= Now).Select(d => d.Id).ToList();
        await store.FulfilAsync(later[0], Now, "user", null, None);
        await store.CancelAsync(later[1], Now, "user", "superseded", None);

        var tasks = new List<(string Owner, string Kind, string ClientId, string Id)>();
        for (var i = 0; i < 30; i++)
        {
            var (task, _) = await context.State.Tasks.AddAsync(Kinds[i % Kinds.Length], Teams[i * 5 % Teams.Length], $"client-{i}", $"reason {i}", null, Now - Duration.FromMinutes(i), None);
            tasks.Add((task.Owner, task.Kind, $"client-{i}", task.Id));
        }

        foreach (var resolved in tasks.Where((_, i) => i % 4 == 0))
        {
            await context.State.Tasks.ResolveAsync(resolved.ClientId, resolved.Id, "user", Now, None);
        }

        var counts = await new TodayCounter(context.Tables, new FakeClock(Now)).CountAsync(None);

        // The brute-force count: each obligation's own state, overdue being past due and neither fulfilled nor cancelled.
        var endOfLondonDay = Now.InZone(London).Date.PlusDays(1).AtStartOfDayInZone(London).ToInstant();
        var expected = new Dictionary<string, (int Overdue, int DueLaterToday)>(StringComparer.Ordinal);
        foreach (var (id, team, due) in dues)
        {
            var state = (await store.GetAsync(id, None))!.Obligation.State;
            var closed = state is ObligationState.FulfilledOnTime or ObligationState.FulfilledLate or ObligationState.Cancelled;
            var figures = expected.GetValueOrDefault(team);
            if (!closed && due < Now)
            {
                expected[team] = (figures.Overdue + 1, figures.DueLaterToday);
            }
            else if (!closed && due < endOfLondonDay)
            {
                expected[team] = (figures.Overdue, figures.DueLaterToday + 1);
            }
        }

        Assert.Equal(
            expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new TeamDueCount(e.Key, e.Value.Overdue, e.Value.DueLaterToday)),
            counts.Obligations);
        Assert.Equal(Teams.Length, counts.Obligations.Count);
        Assert.DoesNotContain(counts.Obligations, t => t.Team == "TEAMAB");
        Assert.Contains(counts.Obligations, t => t.Overdue > 0 && t.DueLaterToday > 0);
        // The London day, not the UTC one: the obligation due at 00:15 London tomorrow is not due later today.
        Assert.Contains(dues, d => d.Id == "ob-utc-today" && d.Due < Instant.FromUtc(2026, 7, 11, 0, 0) && d.Due >= endOfLondonDay);

        var openTasks = new List<(string Owner, string Kind)>();
        foreach (var task in tasks)
        {
            if ((await context.State.Tasks.GetAsync(task.ClientId, task.Id, None))!.Status == HubTaskStatus.Open)
            {
                openTasks.Add((task.Owner, task.Kind));
            }
        }

        Assert.Equal(
            openTasks.GroupBy(t => t).OrderBy(g => g.Key.Owner, StringComparer.Ordinal).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
                .Select(g => new TeamTaskCount(g.Key.Owner, g.Key.Kind, g.Count())),
            counts.Tasks);
        Assert.Equal(Now, counts.CountedAt);
        Assert.Equal(new LocalDate(2026, 7, 10), counts.Day);
    }

    [Fact]
    public async Task Stored_figures_are_read_while_current_and_counted_again_when_missing_stale_or_of_another_day()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var clock = new FakeClock(Now);
        var counter = new TodayCounter(context.Tables, clock);
        await store.OpenManyAsync([Opening("ob-1", "TEAMA", Now - Duration.FromHours(1))], None);

        // Nothing stored yet: counted now, and stored.
        var first = await counter.ReadAsync(None);
        Assert.Equal(new TeamDueCount("TEAMA", 1, 0), Assert.Single(first.Obligations));
        Assert.Single(await context.RowsAsync(TableNames.TodayCounts));

        // Another obligation falls overdue; within two intervals the stored figures are what the page reads.
        await store.OpenManyAsync([Opening("ob-2", "TEAMA", Now - Duration.FromMinutes(5))], None);
        clock.Advance(TodayCounter.StaleAfter);
        var stored = await counter.ReadAsync(None);
        Assert.Equal(Now, stored.CountedAt);
        Assert.Equal(1, Assert.Single(stored.Obligations).Overdue);

        // A moment later they are stale (the timer is not running): counted again.
        clock.Advance(Duration.FromSeconds(1));
        var recounted = await counter.ReadAsync(None);
        Assert.Equal(clock.GetCurrentInstant(), recounted.CountedAt);
        Assert.Equal(2, Assert.Single(recounted.Obligations).Overdue);

        // A new London day (00:01 BST) a few minutes after a count: "today" has changed, so counted again.
        clock.Reset(Instant.FromUtc(2026, 7, 10, 22, 55));
        Assert.Equal(new LocalDate(2026, 7, 10), (await counter.CountAsync(None)).Day);
        clock.Reset(Instant.FromUtc(2026, 7, 10, 23, 1));
        Assert.Equal(new LocalDate(2026, 7, 11), (await counter.ReadAsync(None)).Day);
    }

    [Fact]
    public async Task A_count_that_started_earlier_does_not_replace_a_later_one()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        await context.State.Obligations.OpenManyAsync([Opening("ob-1", "TEAMA", Now - Duration.FromHours(1))], None);
        var later = Now + Duration.FromMinutes(1);
        await new TodayCounter(context.Tables, new FakeClock(later)).CountAsync(None);

        await new TodayCounter(context.Tables, new FakeClock(Now)).CountAsync(None);

        Assert.Equal(later, (await new TodayCounter(context.Tables, new FakeClock(later)).ReadAsync(None)).CountedAt);
    }

    [Fact]
    public async Task A_team_member_sees_only_its_own_teams_figures_and_an_operator_every_teams()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        await context.State.Obligations.OpenManyAsync(Teams.Select((team, i) => Opening($"ob-{i}", team, Now - Duration.FromHours(i + 1))), None);
        foreach (var team in Teams)
        {
            await context.State.Tasks.AddAsync(Kinds[0], team, "client-" + team, "reason", null, Now, None);
        }

        var counts = await new TodayCounter(context.Tables, new FakeClock(Now)).CountAsync(None);
        var member = new ConsoleUser("member", false, new HashSet<string>(StringComparer.Ordinal) { "TEAMB", "t9" }, "session");
        var operatorUser = new ConsoleUser("operator", true, new HashSet<string>(), "session");

        var seen = counts.For(member.Sees);
        Assert.Equal(["TEAMB", "t9"], seen.Obligations.Select(t => t.Team));
        Assert.Equal(["TEAMB", "t9"], seen.Tasks.Select(t => t.Team));
        Assert.Equal(Teams.Order(StringComparer.Ordinal), counts.For(operatorUser.Sees).Obligations.Select(t => t.Team));
    }

    private static NewObligation Opening(string id, string team, Instant due) =>
        new(new Obligation(id, RuleIds.All[0], team, due - Duration.FromDays(1), due, false, ObligationPriority.Standard), "client-" + id, "event-" + id, "a test obligation");
}
