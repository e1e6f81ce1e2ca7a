using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Hosting;

/// <summary>
/// Everything the hub's functions call, for whichever host runs them (the Functions isolated worker in Azure, the
/// local runner in development and tests): storage, state stores, the pipeline, the directory import, retention and
/// the HTTP API's logic, with their options validated at start.
/// </summary>
public static class HubServicesExtensions
{
    /// <summary>Registers the hub's services. Calling it twice registers them once.</summary>
    public static IServiceCollection AddHub(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // Azure.Core logs every refused request at Warning, including the expected 409 of each CreateIfNotExists;
        // real storage failures reach the hub's own logs as exceptions, with status and error code only.
        services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Error));
        services.AddHubStorage();
        services.AddDirectoryImport();
        services.AddHubApi();
        Console.ConsoleServiceExtensions.AddHubConsole(services);
        services.AddHubPipeline(configuration);
        return services;
    }
}
