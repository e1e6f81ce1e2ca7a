using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// architecture.md "Reliability rules": the breaker stops hammering a dead relay, alerts wait in the outbox, and when the
/// relay comes back every alert is delivered exactly once. Owns its maildev so it can stop and restart it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CircuitBreakerRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReliabilityRules_CircuitBreaker_OpensWhileTheRelayIsDownAndEveryAlertIsDeliveredOnceAfterItReturns()
    {
        var breakDuration = TimeSpan.FromMinutes(1);
        // The breaker's clock: the break ends when the test says so, not after a real wait.
        var time = new FakeTimeProvider();
        await using var maildev = await MaildevServer.StartAsync();
        using var harness = await OutboxHarness.CreateAsync(
            azurite,
            maildev.SmtpPort,
            options =>
            {
                options.MaxRetryAttempts = 0;
                options.BreakerMinimumThroughput = 2;
                options.BreakDuration = breakDuration;
            },
            senderTime: time);
        var forms = Enumerable.Range(0, 5).Select(_ => SampleAlerts.Transfer(TestMail.UniqueId("cb"))).ToArray();
        foreach (var form in forms)
        {
            await harness.Outbox.EnqueueAsync(form, CancellationToken.None);
        }

        await maildev.StopAsync();
        var whileDown = new List<DispatchResult>();
        foreach (var form in forms)
        {
            whileDown.Add(await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        }

        Assert.Equal([DispatchResult.LeftPending, DispatchResult.LeftPending], whileDown.Take(2));
        Assert.All(whileDown.Skip(2), result => Assert.Equal(DispatchResult.CircuitOpen, result));
        Assert.Equal(forms.Length, (await harness.Outbox.PendingAsync(CancellationToken.None)).Count);

        await maildev.RestartAsync();
        // The relay is back but the break has not ended on the breaker's clock: still nothing is attempted.
        Assert.Equal(DispatchResult.CircuitOpen, await harness.Outbox.SendAsync(forms[0].Id, CancellationToken.None));

        // The queue's redelivery once the break is over: the first send is the breaker's trial, which closes it.
        time.Advance(breakDuration);
        var afterBreak = new List<DispatchResult>();
        foreach (var id in await harness.Outbox.PendingAsync(CancellationToken.None))
        {
            afterBreak.Add(await harness.Outbox.SendAsync(id, CancellationToken.None));
        }

        Assert.Equal(Enumerable.Repeat(DispatchResult.Sent, forms.Length), afterBreak);
        Assert.Empty(await harness.Outbox.PendingAsync(CancellationToken.None));
        foreach (var form in forms)
        {
            Assert.Equal(AlertStatus.Sent, (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!.Status);
        }

        var messageIds = forms.Select(form => MessageIds.For(form.Id, new SmtpOptions().MessageIdDomain).Trim('<', '>')).ToHashSet();
        var delivered = await maildev.WaitForEmailsAsync(email => email.MessageId is { } id && messageIds.Contains(id), forms.Length);
        Assert.Equal(forms.Length, delivered.Count);
        Assert.Equal(messageIds.Order(), delivered.Select(email => email.MessageId!).Order());
    }
}
