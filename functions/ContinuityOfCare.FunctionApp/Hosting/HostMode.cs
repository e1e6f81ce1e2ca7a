namespace ContinuityOfCare.FunctionApp.Hosting;

/// <summary>Which host runs the functions (architecture.md "Hosting: one app, two hosts").</summary>
public enum HostMode
{
    /// <summary>Azure Functions starts the app with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and calls <c>POST /{FunctionName}</c>.</summary>
    CustomHandler,

    /// <summary>The app is its own host: it polls queues, fires timers, watches blob inboxes and serves HTTP functions.</summary>
    Local,
}
