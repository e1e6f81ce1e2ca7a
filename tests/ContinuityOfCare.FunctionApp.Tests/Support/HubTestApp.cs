using System.Globalization;
using ContinuityOfCare.LocalRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>
/// The real app (the same <c>AddHubServices</c>/<c>MapHubFunctions</c> as Program.cs) started in-process on a real
/// loopback port, so tests talk to it over HTTP exactly as the Functions host (or a local caller) would.
/// </summary>
public sealed class HubTestApp : IAsyncDisposable
{
    private HubTestApp(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>The running app.</summary>
    public WebApplication App { get; }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client for <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }


    /// <summary>Starts the app as its own local host on a free port.</summary>
    public static Task<HubTestApp> StartLocalAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null, params Type[] functions)
    {
        var all = new Dictionary<string, string?>(settings) { ["urls"] = "http://127.0.0.1:0" };
        // The settings the hub validates at start, for tests that exercise something else (a test may set its own).
        all.TryAdd("State:IndexKey", Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()));
        all.TryAdd("Mail:Smtp:Host", "127.0.0.1");
        all.TryAdd("Mail:Smtp:Port", "25");
        all.TryAdd("Mail:Smtp:RequireStartTls", "false");
        all.TryAdd("Mail:Smtp:SenderAddress", "hub@example.gov.uk");
        return StartAsync(all, services, functions);
    }

    private static async Task<HubTestApp> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services, Type[] functions)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddLocalRunner(functions);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapLocalRunner();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HubTestApp(app, new Uri(address));
    }


    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
