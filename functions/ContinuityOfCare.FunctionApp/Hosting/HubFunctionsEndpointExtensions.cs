using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.CustomHandler;
using ContinuityOfCare.FunctionApp.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Hosting;

/// <summary>Maps the routes of the host this process runs as.</summary>
public static class HubFunctionsEndpointExtensions
{
    /// <summary>
    /// Custom handler mode: <c>GET /</c> and <c>POST /{FunctionName}</c>. Local mode: <c>GET /</c> and the HTTP
    /// functions under <c>/api/</c>. Either way the function catalogue is loaded now, so a broken function.json stops
    /// the app at start-up.
    /// </summary>
    public static WebApplication MapHubFunctions(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.Services.GetRequiredService<FunctionCatalogue>();
        if (app.Services.GetRequiredService<HubHostContext>().Mode == HostMode.CustomHandler)
        {
            app.MapCustomHandler();
        }
        else
        {
            app.MapLocalHttpFunctions();
        }

        return app;
    }
}
