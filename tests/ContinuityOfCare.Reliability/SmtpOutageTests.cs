using System.Diagnostics;
using System.Globalization;
using ContinuityOfCare.Reliability.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContinuityOfCare.Reliability;

/// <summary>
/// Part 2 of docs/reliability.md: maildev stopped mid-run and brought back on the same port while the runner (its own
/// process, never restarted) keeps going. The breaker opens with exactly one operator notice and closes with one;
/// every Alert Form arrives exactly once afterwards; no message is left in a poison queue.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class SmtpOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SmtpOutage_RelayStoppedMidRunThenBackOnTheSamePort_OneNoticeEachWayEveryFormOnceNothingPoisoned()
    {
        var size = SuiteSize.Current;
        using var bound = new CancellationTokenSource(size.Bound);
        var token = bound.Token;
        await using var run = await OutageRun.StartAsync("smtp", seedOffset: 1, new Dictionary<string, string>
        {
            // The host's own retry spacing (host.json visibilityTimeout 30 s): five attempts span the outage, as in Azure.
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:30",
            ["Mail__Resilience__BreakerMinimumThroughput"] = "4",
            ["Mail__Resilience__BreakerSamplingDuration"] = "00:00:30",
            ["Mail__Resilience__BreakDuration"] = "00:00:10",
        }, token);
        var (plan, maildev, probe, runner) = (run.Plan, run.Maildev, run.Probe, run.Runner);
        await maildev.StopAsync();
        var outage = Stopwatch.StartNew();
        await Bounded.UntilAsync(async () => (await probe.OperatorNoticeKindsAsync(token)).Contains("RelayDown"), size.SmtpOutage + TimeSpan.FromSeconds(60), "the breaker to open (RelayDown notice)", token, TimeSpan.FromSeconds(1));
        var openedAfter = outage.Elapsed;
        if (outage.Elapsed < size.SmtpOutage)
        {
            await Task.Delay(size.SmtpOutage - outage.Elapsed, token);
        }

        await maildev.RestartAsync(token);
        var down = outage.Elapsed;
        try
        {
            await Bounded.UntilAsync(async () => SampleRun.AlertCopies(await maildev.GetEmailsAsync(token), plan).Count >= plan.ReadyAlerts.Count,
                TimeSpan.FromMinutes(4), "every Alert Form after the relay came back", token, TimeSpan.FromSeconds(1));
        }
        catch (TimeoutException)
        {
            // Say where the missing forms are (the work folder, and with it the runner's log, goes with the run).
            var arrived = SampleRun.AlertCopies(await maildev.GetEmailsAsync(token), plan);
            var missing = (await probe.OutboxAsync(token)).Where(pair => plan.ReadyAlerts.ContainsKey(pair.Key) && !arrived.ContainsKey(pair.Key))
                .Select(pair => $"{pair.Key} {pair.Value.Status} repeats {pair.Value.Repeats}");
            var noticeKinds = await probe.OperatorNoticeKindsAsync(token);
            var poisoned = await probe.PoisonAsync(token);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"relay down {down.TotalSeconds:0} s (breaker opened after {openedAfter.TotalSeconds:0} s); arrived {arrived.Count} of {plan.ReadyAlerts.Count}; " +
                $"not arrived: {string.Join("; ", missing)}; notices {string.Join(", ", noticeKinds)}; " +
                $"poison {string.Join(", ", poisoned.Select(p => $"{p.Key} {p.Value}"))}"));
            output.WriteLine("runner log, last lines:\n" + run.Log.Tail(80));
            throw;
        }
        await Bounded.UntilAsync(async () => (await probe.OperatorNoticeKindsAsync(token)).Contains("RelayBack"), TimeSpan.FromMinutes(1), "the breaker to close (RelayBack notice)", token);
        var copies = SampleRun.AlertCopies(await maildev.WaitForEmailsAsync(_ => true, 1, TimeSpan.FromSeconds(10), token), plan);
        var notices = await probe.OperatorNoticeKindsAsync(token);
        var poison = await probe.PoisonAsync(token);
        var outbox = await probe.OutboxAsync(token);
        Assert.False(runner.HasExited, "the runner must ride out the outage without a restart");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"relay down {down.TotalSeconds:0} s (breaker opened after {openedAfter.TotalSeconds:0} s); Alert Forms expected {plan.ReadyAlerts.Count}, delivered {copies.Count}, " +
            $"duplicated {copies.Values.Sum(c => c.Count - 1)}; notices {string.Join(", ", notices)}; poison {poison.Values.Sum()}"));
        Assert.Equal(1, notices.Count(k => k == "RelayDown"));
        Assert.Equal(1, notices.Count(k => k == "RelayBack"));
        Assert.Equal(plan.ReadyAlerts.Keys.Order(StringComparer.Ordinal), copies.Keys.Order(StringComparer.Ordinal));
        Assert.All(copies, pair => Assert.True(pair.Value.Count == 1, $"alert {pair.Key} arrived {pair.Value.Count} times (outbox repeats {outbox[pair.Key].Repeats})"));
        Assert.All(copies, pair => Assert.Contains(plan.ReadyAlerts[pair.Key], pair.Value[0].To, StringComparer.OrdinalIgnoreCase));
        Assert.Equal(0, poison.Values.Sum());
    }
}
