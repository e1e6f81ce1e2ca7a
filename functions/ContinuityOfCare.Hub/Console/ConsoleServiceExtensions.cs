using ContinuityOfCare.Hub.Console.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContinuityOfCare.Hub.Console;

/// <summary>Registers the operator console (docs/console.md).</summary>
public static class ConsoleServiceExtensions
{
    /// <summary>Adds the console's services and pages.</summary>
    public static IServiceCollection AddHubConsole(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName)
            .Validate(o => o.PageSize is >= 5 and <= 200, "Console:PageSize must be between 5 and 200.")
            .Validate(o => o.SessionLifetime > TimeSpan.Zero, "Console:SessionLifetime must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<ConsoleSigner>();
        services.TryAddSingleton<AntiForgery>();
        services.TryAddSingleton<ConsoleAuthenticator>();
        services.TryAddScoped<LoginPage>();
        services.TryAddScoped<ConsoleApp>();
        services.TryAddSingleton<OpenIndexEnd>();
        services.TryAddScoped<ObligationPager>();
        services.TryAddSingleton<TodayCounter>();
        services.AddScoped<IConsolePage, TodayPage>();
        services.AddScoped<IConsolePage, ObligationsPage>();
        services.AddScoped<IConsolePage, PossibleMatchesPage>();
        services.AddScoped<IConsolePage, TasksPage>();
        services.AddScoped<IConsolePage, ClientsPage>();
        services.AddScoped<IConsolePage, DirectoryPage>();
        services.AddScoped<IConsolePage, CompliancePage>();
        services.AddScoped<IConsolePage, OperationsPage>();
        return services;
    }
}
