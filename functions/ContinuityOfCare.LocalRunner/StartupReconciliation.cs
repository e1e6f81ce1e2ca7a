using ContinuityOfCare.Hub.Obligations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// The runner's engine is in memory, so a restart loses every waiting orchestration: once the host has started, the
/// open obligations of the table get theirs back (<see cref="ObligationReconciler"/>). A run without the pipeline's
/// stores configured has nothing to reconcile.
/// </summary>
internal sealed partial class StartupReconciliation(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<StartupReconciliation> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Without the pipeline's stores (State:IndexKey unset) there is no table to reconcile, and the reconciler
        // cannot even be constructed.
        if (services.GetService<Hub.State.HubState>() is null)
        {
            return;
        }

        var reconciler = services.GetRequiredService<ObligationReconciler>();

        // After start-up: the tables exist and the engine's worker is connected.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            _ = await reconciler.ReconcileAsync(dryRun: false, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The daily timer tries again; the host keeps running.
            LogFailed(exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 6402, Level = LogLevel.Warning, Message = "Start-up reconciliation of obligations failed ({Exception}); the daily timer will retry")]
    private partial void LogFailed(string exception);
}
