using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// The graceful-shutdown rule shared by the local trigger services: on stop, polling ends at once; in-flight
/// invocations get <see cref="LocalRunnerOptions.ShutdownGrace"/> to finish, then <see cref="InvocationAborted"/> is
/// cancelled and each service releases what it holds (a queue message becomes visible again). Nothing is lost.
/// </summary>
public abstract class TriggerService(IOptions<LocalRunnerOptions> options, TimeProvider time) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Cancelled only when shutdown's grace period has run out: invocations should stop and release their input.</summary>
    protected CancellationToken InvocationAborted => _abort.Token;

    /// <summary>The local host settings.</summary>
    protected LocalRunnerOptions Options => options.Value;

    /// <summary>The clock all waiting goes through (tests can substitute it).</summary>
    protected TimeProvider Time => time;

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var grace = new CancellationTokenSource(options.Value.ShutdownGrace, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, grace.Token);
        await using var registration = either.Token.Register(_abort.Cancel).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
