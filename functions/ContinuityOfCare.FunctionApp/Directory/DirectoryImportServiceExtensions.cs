using ContinuityOfCare.FunctionApp.Storage;
using ContinuityOfCare.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContinuityOfCare.FunctionApp.Directory;

/// <summary>Registers the SPOC directory import (used by the app and by the CLI).</summary>
public static class DirectoryImportServiceExtensions
{
    /// <summary>Adds <see cref="DirectoryImporter"/> and what it needs (options from the <c>DirectoryImport</c> section; the secure-mail allow-list from <c>Mail:SecureRecipients</c>).</summary>
    public static IServiceCollection AddDirectoryImport(this IServiceCollection services)
    {
        services.AddOptions<DirectoryImportOptions>().BindConfiguration(DirectoryImportOptions.Section)
            .Validate(options => options.MaxRemovedShare is >= 0 and <= 1, "DirectoryImport:MaxRemovedShare must be between 0 and 1")
            .Validate(options => options.MaxFileBytes > 0, "DirectoryImport:MaxFileBytes must be positive")
            .Validate<IConfiguration>(
                (_, configuration) => !configuration.GetSection(DirectoryImportOptions.Section + ":SecureMailDomains").GetChildren().Any(),
                "DirectoryImport:SecureMailDomains is no longer read: the one secure-mail allow-list is Mail:SecureRecipients:AllowedDomains")
            .ValidateOnStart();
        services.AddSecureMailPolicy();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HubStorage>();
        services.TryAddSingleton<DirectoryStore>();
        services.TryAddSingleton<DirectoryImporter>();
        return services;
    }
}
