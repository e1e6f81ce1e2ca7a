using ContinuityOfCare.Mail.Bounces;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Reads the bounce mailbox: delivery status notifications mark alerts Bounced or Delayed (docs/email.md "Delivery status and bounces").</summary>
public sealed class BounceFunction(BounceProcessor bounces)
{
    /// <summary>Every 10 minutes. Does nothing while <c>Mail:Bounces:Host</c> is empty.</summary>
    [Function("BounceCheck")]
    public async Task RunAsync([TimerTrigger("0 */10 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        _ = await bounces.CheckAsync(cancellationToken).ConfigureAwait(false);
}
