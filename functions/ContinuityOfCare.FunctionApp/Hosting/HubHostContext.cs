namespace ContinuityOfCare.FunctionApp.Hosting;

/// <summary>How this process is hosted, decided once at start-up.</summary>
/// <param name="Mode">Custom handler (under Azure Functions) or local host.</param>
/// <param name="AppRoot">The folder holding host.json and one folder per function (the app's base directory).</param>
public sealed record HubHostContext(HostMode Mode, string AppRoot);
