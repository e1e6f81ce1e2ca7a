using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.TimeZones;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// Fires the <c>timerTrigger</c> functions locally: six-field NCRONTAB schedules evaluated in the configured zone
/// (<see cref="LocalRunnerOptions.TimeZone"/> or <c>WEBSITE_TIME_ZONE</c>, default Europe/London), plus
/// <c>runOnStartup</c>. A failed firing is logged; the next one still comes. All waiting goes through
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class TimerScheduler(
    IReadOnlyList<IndexedFunction> functions,
    FunctionInvoker invoker,
    IConfiguration configuration,
    IOptions<LocalRunnerOptions> options,
    TimeProvider time,
    ILogger<TimerScheduler> logger) : TriggerService(options, time)
{
    // A firing later than this after its scheduled instant is reported as past due (the host was busy or asleep).
    private static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(5);

    /// <summary>The schedule zone: an IANA id, or a Windows id as Azure's <c>WEBSITE_TIME_ZONE</c> allows.</summary>
    public static DateTimeZone ResolveZone(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone)
        {
            return zone;
        }

        return TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(id, out var iana)
            ? DateTimeZoneProviders.Tzdb[iana]
            : throw new InvalidOperationException($"unknown time zone {id}");
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var zone = ResolveZone(configuration["WEBSITE_TIME_ZONE"] ?? Options.TimeZone);
        return Task.WhenAll(functions.Where(f => f.Kind == TriggerKind.Timer)
            .Select(function => RunAsync(function, new TimerSchedule(function.Schedule!, zone), stoppingToken)));
    }

    private async Task RunAsync(IndexedFunction definition, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        if (definition.RunOnStartup)
        {
            await FireAsync(definition, isPastDue: false).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextOccurrence(Time.GetUtcNow());
            LogScheduled(definition.Name, next);
            try
            {
                var wait = next - Time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, Time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FireAsync(definition, isPastDue: Time.GetUtcNow() - next > PastDueTolerance).ConfigureAwait(false);
        }
    }

    private async Task FireAsync(IndexedFunction definition, bool isPastDue)
    {
        try
        {
            await invoker.InvokeAsync(definition, new TimerInfo { IsPastDue = isPastDue }, NoNames, InvocationAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !InvocationAborted.IsCancellationRequested)
        {
            LogFiringFailed(definition.Name, exception.GetType().Name);
        }
        catch (OperationCanceledException)
        {
            // Aborted at shutdown: the next start's runOnStartup or schedule covers it.
        }
    }

    private static readonly IReadOnlyDictionary<string, object?> NoNames = new Dictionary<string, object?>();

    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "{FunctionName}: next firing at {Next}")]
    private partial void LogScheduled(string functionName, DateTimeOffset next);

    [LoggerMessage(EventId = 301, Level = LogLevel.Error, Message = "{FunctionName}: timer firing failed ({ExceptionType})")]
    private partial void LogFiringFailed(string functionName, string exceptionType);
}
