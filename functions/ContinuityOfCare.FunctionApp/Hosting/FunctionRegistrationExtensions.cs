using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Hosting;

/// <summary>Registers function classes by name.</summary>
public static class FunctionRegistrationExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TFunction"/> as the function <paramref name="name"/> (scoped: one instance per
    /// invocation). Its bindings come from <c>{name}/function.json</c>, or from <paramref name="definition"/> when given.
    /// </summary>
    public static IServiceCollection AddHubFunction<TFunction>(this IServiceCollection services, string name, FunctionDefinition? definition = null)
        where TFunction : class, IHubFunction
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddKeyedScoped<IHubFunction, TFunction>(name);
        services.AddSingleton(new FunctionRegistration(name, typeof(TFunction), definition));
        return services;
    }
}
