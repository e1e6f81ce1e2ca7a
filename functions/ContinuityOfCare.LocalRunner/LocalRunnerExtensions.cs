using System.Reflection;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Hosting;
using Microsoft.DurableTask.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// The local runner exists because Azure Functions Core Tools (the <c>func</c> host) cannot be installed here: a small
/// development host that runs the function app's own classes, found from their trigger attributes, against any storage
/// account and SMTP relay given by configuration. It emulates queue, timer, blob and HTTP triggers with the host's
/// semantics; it is not a production host (no scale-out, one process).
/// </summary>
public static class LocalRunnerExtensions
{
    /// <summary>
    /// Adds the hub (<see cref="HubServicesExtensions.AddHub"/>) and the runner's trigger services for the functions
    /// of <paramref name="functionClasses"/> (default: every class of the function app).
    /// </summary>
    public static WebApplicationBuilder AddLocalRunner(this WebApplicationBuilder builder, params Type[] functionClasses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var classes = functionClasses is { Length: > 0 } ? functionClasses : typeof(FunctionApp.Http.HttpBridge).Assembly.GetTypes();
        var functions = FunctionIndex.From(classes, builder.Configuration);
        var services = builder.Services;
        // Before AddHub, whose system clock and time provider are registered only when none is.
        if (builder.Configuration.GetValue<DateTimeOffset?>($"{LocalRunnerOptions.Section}:{nameof(LocalRunnerOptions.ClockStart)}") is { } clockStart)
        {
            var clock = new RunningClock(NodaTime.Instant.FromDateTimeOffset(clockStart));
            services.AddSingleton<NodaTime.IClock>(clock);
            services.AddSingleton<TimeProvider>(clock);
        }

        services.AddHub(builder.Configuration);
        // The real Durable Task engine, in memory (its sidecar takes no other backend): orchestrations do not survive
        // the process, so every start reconciles the open obligations (docs/pipeline.md "The local runner's engine").
        services.AddObligationOrchestration();
        // Its gRPC sidecar listens on loopback: on a port the OS says is free (its own default is a random pick in
        // 30000-40000, which collides with other local hosts' ephemeral ports when several run at once).
        services.AddInMemoryDurableTask(tasks => tasks.AddObligationTasks(), new InMemoryDurableTaskOptions { Port = FreeLoopbackPort() });
        services.AddHostedService<StartupReconciliation>();
        services.AddOptions<LocalRunnerOptions>().BindConfiguration(LocalRunnerOptions.Section)
            .Validate(o => o.MessageLease >= TimeSpan.FromSeconds(2) && o.ShutdownGrace >= TimeSpan.Zero, "LocalRunner:MessageLease must be at least 2 seconds and LocalRunner:ShutdownGrace not negative")
            .ValidateOnStart();
        services.AddSingleton(functions);
        services.AddSingleton(HostJsonSettings.Load(AppContext.BaseDirectory, builder.Configuration));
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<ListenerHealth>();
        services.AddSingleton<Hub.Api.IHostHealth>(provider => provider.GetRequiredService<ListenerHealth>());
        services.AddHostedService<QueueListener>();
        services.AddHostedService<TimerScheduler>();
        services.AddHostedService<BlobWatcher>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(builder.Configuration[$"{LocalRunnerOptions.Section}:Urls"] ?? new LocalRunnerOptions().Urls);
        }

        return builder;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Serves the HTTP functions.</summary>
    public static WebApplication MapLocalRunner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHttpFunctions(app.Services.GetRequiredService<IReadOnlyList<IndexedFunction>>());
        return app;
    }
}
