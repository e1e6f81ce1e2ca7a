using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>Registers the SPOC directory import (used by the app and by the CLI).</summary>
public static class DirectoryImportServiceExtensions
{
    /// <summary>Adds <see cref="DirectoryImporter"/> and what it needs (options from the <c>DirectoryImport</c> section).</summary>
    public static IServiceCollection AddDirectoryImport(this IServiceCollection services)
    {
        services.AddOptions<DirectoryImportOptions>().BindConfiguration(DirectoryImportOptions.Section)
            .Validate(options => options.MaxRemovedShare is >= 0 and <= 1, "DirectoryImport:MaxRemovedShare must be between 0 and 1")
            .Validate(options => options.MaxFileBytes > 0, "DirectoryImport:MaxFileBytes must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHubStorage();
        services.TryAddSingleton<DirectoryStore>();
        services.TryAddSingleton<DirectoryImporter>();
        return services;
    }
}
