using System.Globalization;
using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.Directory;
using ContinuityOfCare.FunctionApp.Functions.DirectoryImport;
using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.LocalHost;
using ContinuityOfCare.FunctionApp.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContinuityOfCare.FunctionApp.Hosting;

/// <summary>Everything the hub registers, for either host (architecture.md "Hosting: one app, two hosts").</summary>
public static class HubServicesExtensions
{
    /// <summary>The setting the Functions host starts the custom handler with.</summary>
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Overrides the folder holding host.json and the function folders (default: the app's base directory).</summary>
    public const string AppRootSetting = "Hub:AppRoot";

    /// <summary>
    /// Registers the function catalogue, the invoker, the functions and their services; then either listens on
    /// <c>127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c> (custom handler mode) or adds the local trigger services and
    /// serves HTTP functions on <see cref="LocalHostOptions.Urls"/> (local host mode).
    /// </summary>
    public static WebApplicationBuilder AddHubServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var appRoot = configuration[AppRootSetting] ?? AppContext.BaseDirectory;
        var port = configuration[CustomHandlerPortSetting];
        var mode = string.IsNullOrWhiteSpace(port) ? HostMode.Local : HostMode.CustomHandler;

        services.AddSingleton(new HubHostContext(mode, appRoot));
        services.AddSingleton(HostJsonSettings.Load(appRoot, configuration));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new FunctionCatalogue(appRoot, provider.GetServices<FunctionRegistration>()));
        services.AddSingleton<FunctionInvoker>();
        services.AddHubStorage();
        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section);

        services.AddDirectoryImport();
        services.AddHubFunction<DirectoryImportFunction>(DirectoryImportFunction.Name);
        Api.ApiServiceExtensions.AddHubApi(services);
        Pipeline.PipelineServiceExtensions.AddHubPipeline(services, configuration);

        if (mode == HostMode.CustomHandler)
        {
            // Only loopback: the Functions host is the sole caller.
            var portNumber = int.Parse(port!, NumberStyles.None, CultureInfo.InvariantCulture);
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{portNumber}"));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]))
            {
                builder.WebHost.UseUrls(configuration[$"{LocalHostOptions.Section}:Urls"] ?? new LocalHostOptions().Urls);
            }

            services.AddHostedService<QueueTriggerListener>();
            services.AddHostedService<TimerTriggerScheduler>();
            services.AddHostedService<BlobTriggerWatcher>();
        }

        return builder;
    }
}
