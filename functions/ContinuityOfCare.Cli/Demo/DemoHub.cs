using System.Globalization;
using System.Security.Cryptography;
using ContinuityOfCare.LocalRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>
/// The hub's local host started in-process (the same <c>AddHubServices</c>/<c>MapHubFunctions</c> as the function
/// app's Program.cs) against the main job's Azurite and maildev, with the main job's clock.
/// </summary>
internal static class DemoHub
{
    /// <summary>Builds and starts the hub; the caller stops and disposes it.</summary>
    public static async Task<WebApplication> StartAsync(
        string storageConnectionString, int smtpPort, int httpPort, IClock clock, string? persistentKeyFolder, CancellationToken cancellationToken)
    {
        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["urls"] = address,
            ["Pipeline:PublicBaseUrl"] = address + "/",
            // Fast polling: the main job is a demonstration, not a cost-sensitive deployment.
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:02",
            ["LocalRunner:BlobPollingInterval"] = "00:00:00.500",
            ["LocalRunner:ShutdownGrace"] = "00:00:05",
            ["LocalRunner:ApiKey"] = Secret(persistentKeyFolder, "api-key", 24),
            ["State:IndexKey"] = Secret(persistentKeyFolder, "index-key", 32),
            ["Acknowledgements:CurrentKeyId"] = "demo",
            ["Acknowledgements:Keys:demo"] = Secret(persistentKeyFolder, "ack-key", 32),
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:RequireStartTls"] = "false",
            ["Mail:Smtp:SenderAddress"] = "hub@continuity-of-care.gov.uk",
            ["Mail:Resilience:MessagesPerMinute"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        builder.AddLocalRunner();
        builder.Services.AddSingleton(clock);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapLocalRunner();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    /// <summary>
    /// A random secret (base64 of <paramref name="bytes"/> bytes); kept in the data folder when there is one, so a second
    /// run against the same storage reads the same identifier index and verifies the same acknowledgement links.
    /// </summary>
    /// <summary>The key the local runner requires on <c>/api/</c> calls (x-functions-key).</summary>
    public static string ApiKey(WebApplication app) => app.Configuration["LocalRunner:ApiKey"] ?? "(not set)";

    private static string Secret(string? folder, string name, int bytes)
    {
        if (folder is null)
        {
            return Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
        }

        var path = Path.Combine(folder, "demo-" + name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
        File.WriteAllText(path, secret);
        return secret;
    }
}
