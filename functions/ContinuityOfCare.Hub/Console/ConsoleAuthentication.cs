namespace ContinuityOfCare.Hub.Console;

/// <summary>How the console learns who its user is (<see cref="ConsoleOptions.Authentication"/>).</summary>
public enum ConsoleAuthentication
{
    /// <summary>A log-in form taking the local runner's API key; a signed session cookie afterwards.</summary>
    LocalKey,

    /// <summary>App Service authentication (Entra ID): the <c>X-MS-CLIENT-PRINCIPAL</c> header it sets on every request.</summary>
    AppService,
}
