using System.Diagnostics;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Testing;
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
        await using var maildev = await MaildevServer.StartAsync();
        using var harness = await OutboxHarness.CreateAsync(azurite, maildev.SmtpPort, options =>
        {
            options.MaxRetryAttempts = 0;
            options.BreakerMinimumThroughput = 2;
            options.BreakDuration = TimeSpan.FromSeconds(1);
        });
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
        // The queue's redelivery, compressed: dispatch whatever is pending until the breaker lets the trial through.
        var deadline = Stopwatch.StartNew();
        while ((await harness.Outbox.PendingAsync(CancellationToken.None)).Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var id in await harness.Outbox.PendingAsync(CancellationToken.None))
            {
                await harness.Outbox.SendAsync(id, CancellationToken.None);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

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
