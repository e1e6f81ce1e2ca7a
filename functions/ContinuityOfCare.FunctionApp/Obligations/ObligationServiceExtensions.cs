using ContinuityOfCare.Hub.Obligations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>Registers the obligations' orchestration side for either host: the activities, the client source and <see cref="IObligationEvents"/>.</summary>
public static class ObligationServiceExtensions
{
    /// <summary>Adds the activities (constructed from the host's services), <see cref="DurableClientSource"/> and <see cref="DurableObligationEvents"/>.</summary>
    public static IServiceCollection AddObligationOrchestration(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DurableClientSource>();
        services.TryAddSingleton<IObligationEvents, DurableObligationEvents>();
        services.TryAddTransient<EscalateActivity>();
        services.TryAddTransient<EscalationEmailActivity>();
        services.TryAddTransient<GraceActivity>();
        return services;
    }
}
