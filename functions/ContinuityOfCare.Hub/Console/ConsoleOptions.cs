namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The operator console's settings (section <c>Console</c>; docs/console.md "Configuration").
/// </summary>
public sealed class ConsoleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Console";

    /// <summary>
    /// Who the console believes: <see cref="ConsoleAuthentication.LocalKey"/> (log in with the local runner's API key) or
    /// <see cref="ConsoleAuthentication.AppService"/> (App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> header;
    /// only where App Service sets that header itself, because anyone can send it to a bare host).
    /// </summary>
    public ConsoleAuthentication Authentication { get; set; } = ConsoleAuthentication.LocalKey;

    /// <summary>
    /// Base64 of at least 32 random bytes signing session cookies and anti-forgery tokens. Optional: without it each
    /// process draws its own, so a restart signs everyone out.
    /// </summary>
    public string? SessionKey { get; set; }

    /// <summary>
    /// Local log-in only: when set (org codes, comma-separated), the API key logs in as <c>team.member</c> of these
    /// teams instead of as <c>hub.operator</c> — to see the console as a team sees it.
    /// </summary>
    public string? LocalTeam { get; set; }

    /// <summary>How long a local session lasts.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Rows per page of every list.</summary>
    public int PageSize { get; set; } = 25;
}
