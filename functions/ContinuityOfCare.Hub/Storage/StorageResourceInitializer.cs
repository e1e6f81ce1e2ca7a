using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>
/// Creates the tables, queues and containers a part of the hub needs when the host starts. If storage cannot be reached
/// then, the host starts anyway (so health can say what is wrong) and creation is retried in the background with
/// back-off until it succeeds or the host stops.
/// </summary>
public abstract partial class StorageResourceInitializer(TimeProvider time, ILogger logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    /// <summary>Creates what is missing (idempotent: "already exists" is success).</summary>
    protected abstract Task CreateAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDeferred(GetType().Name, exception.GetType().Name);
            _retrying = RetryAsync(_stopping.Token);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retrying.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stopping).ConfigureAwait(false);
                await CreateAsync(stopping).ConfigureAwait(false);
                LogCreated(GetType().Name);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogDeferred(GetType().Name, exception.GetType().Name);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "{Initializer}: storage could not be prepared ({ExceptionType}); retrying in the background")]
    private partial void LogDeferred(string initializer, string exceptionType);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "{Initializer}: storage prepared after a retry")]
    private partial void LogCreated(string initializer);
}
