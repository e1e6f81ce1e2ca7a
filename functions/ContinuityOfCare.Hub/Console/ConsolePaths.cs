namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// Where the console lives: under the Functions host's route prefix (<c>api/</c>, as every HTTP function of the hub),
/// so the same paths work in Azure and on the local runner.
/// </summary>
public static class ConsolePaths
{
    /// <summary>The console's root path.</summary>
    public const string Root = "/api/console";

    /// <summary>Where its static assets are served.</summary>
    public const string Assets = Root + "/assets";

    /// <summary>A console path.</summary>
    public static string To(string relative) => Root + "/" + relative.TrimStart('/');
}
