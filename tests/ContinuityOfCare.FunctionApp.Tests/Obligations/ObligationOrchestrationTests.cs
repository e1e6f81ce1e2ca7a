using ContinuityOfCare.Core.Time;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Obligations;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.FunctionApp.Tests.Support;
using Microsoft.DurableTask.Client;
using NodaTime;
using NodaTime.Text;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Obligations;

/// <summary>
/// The obligation's orchestration on the real Durable Task engine (docs/pipeline.md "Obligations as orchestrations";
/// domain.md "Escalation"): whichever comes first, fulfilment or the deadline; each level once; the grace between.
/// </summary>
public sealed class ObligationOrchestrationTests
{
    private static readonly TimeSpan LongGrace = TimeSpan.FromHours(1);

    private static DateTimeOffset InSeconds(double seconds) => DateTimeOffset.UtcNow.AddSeconds(seconds);

    private static ObligationOutcome Outcome(OrchestrationMetadata done) => done.ReadOutputAs<ObligationOutcome>()!;

    [Fact]
    public async Task Obligation_FulfilledBeforeTheDeadline_EndsFulfilled_NoEscalation()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(LongGrace);
        Assert.True(await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-a", InSeconds(30)), CancellationToken.None));
        await engine.Client.WaitForInstanceStartAsync("obl-a");

        await engine.Events.RaiseFulfilledAsync("obl-a", new ObligationFulfilled(DateTimeOffset.UtcNow, "ack-link", "ack-link"), CancellationToken.None);

        var done = await engine.CompletedAsync("obl-a");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new ObligationOutcome("obl-a", "fulfilled", 0, "ack-link via ack-link"), Outcome(done));
        Assert.Empty(engine.Escalations);
    }

    [Fact]
    public async Task Obligation_DeadlineFirst_ExactlyOneLevel1_ThenLevel2AfterTheGrace_ThenFulfilmentStopsLevel3()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(TimeSpan.FromSeconds(3));
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-b", InSeconds(1)), CancellationToken.None);

        await engine.WaitForEscalationsAsync(1);
        Assert.Equal([new EscalationStep("obl-b", 1)], engine.Escalations);
        await engine.WaitForEscalationsAsync(2);
        Assert.Equal([new EscalationStep("obl-b", 1), new EscalationStep("obl-b", 2)], engine.Escalations);

        await engine.Events.RaiseFulfilledAsync("obl-b", new ObligationFulfilled(DateTimeOffset.UtcNow, "u123", "api"), CancellationToken.None);
        var done = await engine.CompletedAsync("obl-b");
        Assert.Equal("fulfilled", Outcome(done).Status);
        Assert.Equal(2, Outcome(done).HighestLevel);
        Assert.Equal(2, engine.Escalations.Count);
    }

    [Fact]
    public async Task Obligation_FulfilledAfterLevel1_Level2NeverRuns()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(TimeSpan.FromSeconds(4));
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-c", InSeconds(1)), CancellationToken.None);
        await engine.WaitForEscalationsAsync(1);

        await engine.Events.RaiseFulfilledAsync("obl-c", new ObligationFulfilled(DateTimeOffset.UtcNow, "ack-link", "ack-link"), CancellationToken.None);
        var done = await engine.CompletedAsync("obl-c");
        await Task.Delay(TimeSpan.FromSeconds(5)); // past when level 2 would have run

        Assert.Equal(new ObligationOutcome("obl-c", "fulfilled", 1, "ack-link via ack-link"), Outcome(done));
        Assert.Equal([new EscalationStep("obl-c", 1)], engine.Escalations);
    }

    [Fact]
    public async Task Obligation_ClosedByALaterEvent_EndsWithTheReason_NoEscalation()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(LongGrace);
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-d", InSeconds(3)), CancellationToken.None);
        await engine.Client.WaitForInstanceStartAsync("obl-d");

        await engine.Events.RaiseClosedAsync("obl-d", new ObligationClosed(DateTimeOffset.UtcNow, "evt-9", "released from custody"), CancellationToken.None);
        var done = await engine.CompletedAsync("obl-d");
        await Task.Delay(TimeSpan.FromSeconds(4)); // past the deadline

        Assert.Equal(new ObligationOutcome("obl-d", "closed", 0, "released from custody"), Outcome(done));
        Assert.Empty(engine.Escalations);
    }

    [Fact]
    public async Task Obligation_StartedTwice_FulfilledTwice_RunsOnce_EachLevelOnce()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(LongGrace);
        var start = OrchestrationTestEngine.Obligation("obl-e", InSeconds(1));

        var first = await engine.Events.StartAsync(start, CancellationToken.None);
        var second = await engine.Events.StartAsync(start, CancellationToken.None);
        await engine.WaitForEscalationsAsync(1);
        var third = await engine.Events.StartAsync(start, CancellationToken.None);
        await engine.Events.RaiseFulfilledAsync("obl-e", new ObligationFulfilled(DateTimeOffset.UtcNow, "ack-link", "ack-link"), CancellationToken.None);
        await engine.CompletedAsync("obl-e");
        await engine.Events.RaiseFulfilledAsync("obl-e", new ObligationFulfilled(DateTimeOffset.UtcNow, "ack-link", "ack-link"), CancellationToken.None);

        Assert.Equal((true, false, false), (first, second, third));
        Assert.Equal([new EscalationStep("obl-e", 1)], engine.Escalations);
        var shown = await engine.Events.DescribeAsync("obl-e", withHistory: true, CancellationToken.None);
        Assert.Equal(["TimerCreated", "TimerFired", "LevelRun", "TimerCreated", "EventRaised", "Ended"], shown!.History.Select(line => line.Kind));
    }

    /// <summary>
    /// domain.md "The 24h rule" across Christmas and both clock changes: the deadline timer is created at exactly the
    /// instant the core's calculator (what <c>coc deadline</c> prints) gives, read from the orchestration's history.
    /// </summary>
    [Theory]
    [InlineData("2026-12-24T16:00", "2026-12-29T09:00:00Z")] // Christmas, weekend, Boxing Day substitute → Tue 09:00 GMT
    [InlineData("2026-10-23T15:00", "2026-10-26T09:00:00Z")] // Fri → Mon across the October change: 09:00 GMT
    [InlineData("2026-03-27T15:00", "2026-03-30T08:00:00Z")] // Fri → Mon across the March change: 09:00 BST
    public async Task Obligation_24HourRule_TimerAtTheInstantCocDeadlineGives(string londonStart, string expectedDueUtc)
    {
        var calendar = await BankHolidayCalendarLoader.LoadSnapshotAsync(CancellationToken.None);
        var start = LondonTime.ToInstant(LocalDateTimePattern.GeneralIso.Parse(londonStart + ":00").Value);
        var due = DeadlineCalculator.Due(DeadlineRule.TwentyFourHourRule.Standard, start, calendar).Due;
        Assert.Equal(expectedDueUtc, InstantPattern.General.Format(due));
        await using var engine = await OrchestrationTestEngine.StartAsync(LongGrace);
        var id = "obl-24h-" + londonStart[..10];

        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation(id, due.ToDateTimeOffset()), CancellationToken.None);
        var timer = await Eventually.GetAsync(async () =>
            (await engine.Events.DescribeAsync(id, withHistory: true, CancellationToken.None))?.History.FirstOrDefault(line => line.Kind == "TimerCreated"),
            "the deadline timer");

        Assert.Equal(expectedDueUtc + " deadline", timer.Detail);
    }

    /// <summary>
    /// A level whose email is only queued (the relay is down) is the outbox's to deliver: the orchestration runs each
    /// level's activity once, and only looks (read-only) whether the email has left before the grace starts.
    /// </summary>
    [Fact]
    public async Task Obligation_EmailOnlyQueued_EachLevelRunsOnce_GraceAfterTheEmailLeft()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(TimeSpan.FromSeconds(2), escalated: "Queued");
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-q", InSeconds(1)), CancellationToken.None);

        var done = await engine.CompletedAsync("obl-q");
        var shown = await engine.Events.DescribeAsync("obl-q", withHistory: true, CancellationToken.None);

        Assert.Equal(new ObligationOutcome("obl-q", "escalated", 3, null), Outcome(done));
        Assert.Equal([new EscalationStep("obl-q", 1), new EscalationStep("obl-q", 2), new EscalationStep("obl-q", 3)], engine.Escalations);
        Assert.Equal([new EscalationStep("obl-q", 1), new EscalationStep("obl-q", 2)], engine.EmailLooks);
        Assert.Equal(
            ["TimerCreated", "TimerFired", "LevelRun", "EmailWaiting", "EmailLeft", "TimerCreated", "TimerFired", "LevelRun", "EmailWaiting", "EmailLeft",
                "TimerCreated", "TimerFired", "LevelRun", "Ended"],
            shown!.History.Select(line => line.Kind));
        Assert.Equal(["level 1: Queued", "level 2: Queued", "level 3: Queued"], shown.History.Where(line => line.Kind == "LevelRun").Select(line => line.Detail));
    }

    /// <summary>
    /// domain.md "Escalation" (each level once the grace after the previous was <em>sent</em>; never two at once): with
    /// the relay down for longer than the grace, level 2 is not run while level 1's email is still in the outbox —
    /// the orchestration keeps looking, on backing-off timers — and the ladder goes on in order once it has left.
    /// </summary>
    [Fact]
    public async Task Obligation_RelayDownPastTheGrace_Level2WaitsUntilLevel1IsSent_ThenInOrder()
    {
        var sent = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        await using var engine = await OrchestrationTestEngine.StartAsync(
            TimeSpan.FromMilliseconds(500), _ => "Queued", step => sent.ContainsKey(step.Level) ? "Left" : "Waiting");
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-r", InSeconds(1)), CancellationToken.None);

        // Four looks at level 1's email (300 ms, 600 ms, 1 s, 1 s apart): well past the 500 ms grace, and still no level 2.
        await engine.WaitForEmailLooksAsync(4);
        Assert.Equal([new EscalationStep("obl-r", 1)], engine.Escalations);
        Assert.All(engine.EmailLooks, look => Assert.Equal(1, look.Level));
        var waiting = await engine.Events.DescribeAsync("obl-r", withHistory: true, CancellationToken.None);
        Assert.Equal("level 1 queued; waiting for the relay", waiting!.Step);

        sent[1] = true;
        await engine.WaitForEscalationsAsync(2);
        Assert.Equal([new EscalationStep("obl-r", 1), new EscalationStep("obl-r", 2)], engine.Escalations);

        sent[2] = true;
        var done = await engine.CompletedAsync("obl-r");
        Assert.Equal(new ObligationOutcome("obl-r", "escalated", 3, null), Outcome(done));
        Assert.Equal([1, 2, 3], engine.Escalations.Select(step => step.Level));
        Assert.Equal(engine.EmailLooks.OrderBy(look => look.Level).Select(look => look.Level), engine.EmailLooks.Select(look => look.Level));
    }

    [Fact]
    public async Task Obligation_WaitingForAQueuedEmail_FulfilmentEndsTheWaitAtOnce()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(TimeSpan.FromMilliseconds(500), _ => "Queued", _ => "Waiting");
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-w", InSeconds(1)), CancellationToken.None);
        await engine.WaitForEmailLooksAsync(1);

        await engine.Events.RaiseFulfilledAsync("obl-w", new ObligationFulfilled(DateTimeOffset.UtcNow, "ack-link", "ack-link"), CancellationToken.None);
        var done = await engine.CompletedAsync("obl-w");

        Assert.Equal(new ObligationOutcome("obl-w", "fulfilled", 1, "ack-link via ack-link"), Outcome(done));
        Assert.Equal([new EscalationStep("obl-w", 1)], engine.Escalations);
    }

    /// <summary>An exception in the escalation activity (a storage blip) is retried by the engine: the ladder goes on.</summary>
    [Fact]
    public async Task Obligation_EscalationActivityThrowsOnce_RetriedThenTheLadderContinues()
    {
        var thrown = 0;
        await using var engine = await OrchestrationTestEngine.StartAsync(
            TimeSpan.FromMilliseconds(500),
            step => step.Level == 1 && Interlocked.Increment(ref thrown) == 1 ? throw new InvalidOperationException("storage unavailable") : "Escalated",
            _ => "Left");
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-x", InSeconds(1)), CancellationToken.None);

        var done = await engine.CompletedAsync("obl-x");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new ObligationOutcome("obl-x", "escalated", 3, null), Outcome(done));
        Assert.Equal([1, 1, 2, 3], engine.Escalations.Select(step => step.Level));
    }

    [Fact]
    public async Task Obligation_Describe_ShowsStatusAndHistoryWithoutInputs()
    {
        await using var engine = await OrchestrationTestEngine.StartAsync(LongGrace);
        await engine.Events.StartAsync(OrchestrationTestEngine.Obligation("obl-f", InSeconds(1)), CancellationToken.None);
        await engine.WaitForEscalationsAsync(1);
        await Task.Delay(500);

        var shown = await engine.Events.DescribeAsync("obl-f", withHistory: true, CancellationToken.None);

        Assert.NotNull(shown);
        Assert.True(shown.IsRunning);
        Assert.StartsWith("level 1 sent; level 2 at ", shown.Step, StringComparison.Ordinal);
        Assert.Equal(["TimerCreated", "TimerFired", "LevelRun", "TimerCreated"], shown.History.Select(line => line.Kind));
        Assert.Equal("level 1: Escalated", shown.History[2].Detail);
        Assert.EndsWith(" grace after level 1", shown.History[3].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(shown.History, line => line.Detail.Contains("C000123", StringComparison.Ordinal));
        Assert.Null(await engine.Events.DescribeAsync("obl-none", withHistory: true, CancellationToken.None));
    }
}
