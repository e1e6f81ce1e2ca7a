using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// Who the console's user is. Locally: a log-in with the local runner's API key (<c>LocalRunner:ApiKey</c>, compared in
/// constant time) issues a signed session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS) as <c>hub.operator</c>,
/// or as <c>team.member</c> of <see cref="ConsoleOptions.LocalTeam"/>. In Azure: App Service authentication's
/// <c>X-MS-CLIENT-PRINCIPAL</c> header, roles <c>hub.operator</c> / <c>team.member</c>, and the member's organisations
/// from roles named <c>org.CODE</c> (docs/console.md "Roles").
/// </summary>
public sealed class ConsoleAuthenticator(IOptions<ConsoleOptions> options, IConfiguration configuration, ConsoleSigner signer, IClock clock)
{
    /// <summary>The session cookie.</summary>
    public const string SessionCookie = "coc_session";

    /// <summary>The prefix of a role naming one of a team member's organisations.</summary>
    public const string OrganisationRolePrefix = "org.";

    /// <summary>How the console authenticates.</summary>
    public ConsoleAuthentication Mode => options.Value.Authentication;

    /// <summary>The user of <paramref name="request"/>, or null when anonymous.</summary>
    public ConsoleUser? Identify(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Mode == ConsoleAuthentication.AppService ? FromPrincipal(request.Header("X-MS-CLIENT-PRINCIPAL")) : FromCookie(request);
    }

    /// <summary>True when <paramref name="key"/> is the local runner's API key.</summary>
    public bool IsLocalKey(string? key)
    {
        var expected = configuration["LocalRunner:ApiKey"];
        return Mode == ConsoleAuthentication.LocalKey && !string.IsNullOrEmpty(expected) && key is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>The user a local log-in makes: the operator, or a member of the configured local team.</summary>
    public ConsoleUser LocalUser()
    {
        var team = (options.Value.LocalTeam ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return team.Length == 0
            ? new ConsoleUser("local-operator", true, new HashSet<string>(StringComparer.Ordinal), ConsoleSigner.NewId())
            : new ConsoleUser("local-team-member", false, new HashSet<string>(team, StringComparer.Ordinal), ConsoleSigner.NewId());
    }

    /// <summary>The <c>Set-Cookie</c> value of a session for <paramref name="user"/>.</summary>
    public string SessionCookieFor(ConsoleUser user, bool https)
    {
        ArgumentNullException.ThrowIfNull(user);
        var expires = clock.GetCurrentInstant() + Duration.FromTimeSpan(options.Value.SessionLifetime);
        var payload = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new SessionPayload(
            user.Name, user.IsOperator, [.. user.Organisations], user.SessionId, expires.ToUnixTimeSeconds())));
        var value = payload + "." + signer.Sign("session", payload);
        return Cookie(SessionCookie, value, https, (long)options.Value.SessionLifetime.TotalSeconds);
    }

    /// <summary>A cookie header value: HttpOnly, SameSite=Strict, path of the console, Secure over HTTPS.</summary>
    public static string Cookie(string name, string value, bool https, long maxAgeSeconds) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}={value}; Path={ConsolePaths.Root}; Max-Age={maxAgeSeconds}; HttpOnly; SameSite=Strict{(https ? "; Secure" : "")}");

    private ConsoleUser? FromCookie(ConsoleRequest request)
    {
        if (!request.Cookies.TryGetValue(SessionCookie, out var value) || value.Split('.') is not [var payload, var signature]
            || !signer.Verify("session", payload, signature))
        {
            return null;
        }

        SessionPayload? session;
        try
        {
            session = JsonSerializer.Deserialize<SessionPayload>(WebEncoders.Base64UrlDecode(payload));
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return null;
        }

        return session is null || Instant.FromUnixTimeSeconds(session.Expires) <= clock.GetCurrentInstant()
            ? null
            : new ConsoleUser(session.Name, session.Operator, new HashSet<string>(session.Organisations, StringComparer.Ordinal), session.Id);
    }

    private static ConsoleUser? FromPrincipal(string? header)
    {
        if (header is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(WebEncoders.Base64UrlDecode(header.Replace('+', '-').Replace('/', '_').TrimEnd('=')));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : null;
            var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : null;
            var roles = new List<string>();
            string? name = null;
            string? objectId = null;
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString() ?? string.Empty;
                if (type == roleType || type is "roles" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
                {
                    roles.Add(value);
                }
                else if (type == nameType || type == "preferred_username")
                {
                    name ??= value;
                }
                else if (type is "http://schemas.microsoft.com/identity/claims/objectidentifier" or "oid")
                {
                    objectId = value;
                }
            }

            var user = name ?? objectId ?? "unknown";
            // A principal has no session: its anti-forgery tokens are bound to the account (and to SameSite cookies of App Service).
            var sessionId = objectId ?? user;
            if (roles.Contains(ConsoleUser.OperatorRole, StringComparer.Ordinal))
            {
                return new ConsoleUser(user, true, new HashSet<string>(StringComparer.Ordinal), sessionId);
            }

            var organisations = roles.Where(r => r.StartsWith(OrganisationRolePrefix, StringComparison.Ordinal) && r.Length > OrganisationRolePrefix.Length)
                .Select(r => r[OrganisationRolePrefix.Length..]).ToHashSet(StringComparer.Ordinal);
            return roles.Contains(ConsoleUser.TeamMemberRole, StringComparer.Ordinal) && organisations.Count > 0
                ? new ConsoleUser(user, false, organisations, sessionId)
                : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private sealed record SessionPayload(string Name, bool Operator, string[] Organisations, string Id, long Expires);
}
