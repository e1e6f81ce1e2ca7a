using System.Text;
using System.Text.Json;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Console;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// Who the console believes, without a host: App Service authentication's principal header (roles <c>hub.operator</c>,
/// <c>team.member</c> + <c>org.CODE</c>), the local sign-in and its team switch, and session cookies.
/// </summary>
public sealed class AuthenticatorTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 12, 24, 17, 0));

    public static TheoryData<string[], string?, string?> Principals => new()
    {
        // roles in the principal, expected role (null: anonymous), expected org codes
        { ["hub.operator"], "hub.operator", "" },
        { ["hub.operator", "org.LDSCJ"], "hub.operator", "" },
        { ["team.member", "org.LDSCJ"], "team.member", "LDSCJ" },
        { ["team.member", "org.LDSCJ", "org.LEI"], "team.member", "LDSCJ,LEI" },
        { ["team.member"], null, null },
        { ["org.LDSCJ"], null, null },
        { [], null, null },
        { ["Hub.Operator"], null, null },
    };

    [Theory]
    [MemberData(nameof(Principals))]
    public void App_service_principal_roles_decide_the_user(string[] roles, string? role, string? organisations)
    {
        var authenticator = Authenticator(new ConsoleOptions { Authentication = ConsoleAuthentication.AppService });
        var user = authenticator.Identify(Request(("X-MS-CLIENT-PRINCIPAL", Principal(roles))));

        Assert.Equal(role, user?.Role);
        Assert.Equal(organisations, user is null ? null : string.Join(',', user.Organisations.Order(StringComparer.Ordinal)));
        if (user is not null)
        {
            Assert.Equal("j.smith@example.gov.uk", user.Name);
        }
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("eyJub3QiOiJjbGFpbXMifQ")]
    [InlineData("")]
    public void A_malformed_principal_is_anonymous(string header)
    {
        var authenticator = Authenticator(new ConsoleOptions { Authentication = ConsoleAuthentication.AppService });
        Assert.Null(authenticator.Identify(Request(("X-MS-CLIENT-PRINCIPAL", header))));
    }

    [Fact]
    public void Locally_the_principal_header_is_ignored_because_anyone_can_send_it()
    {
        var authenticator = Authenticator(new ConsoleOptions());
        Assert.Null(authenticator.Identify(Request(("X-MS-CLIENT-PRINCIPAL", Principal(["hub.operator"])))));
    }

    [Theory]
    [InlineData(null, "hub.operator", "")]
    [InlineData("LDSCJ", "team.member", "LDSCJ")]
    [InlineData(" LDSCJ , LEI ", "team.member", "LDSCJ,LEI")]
    public void The_local_sign_in_is_the_operator_or_the_configured_team(string? localTeam, string role, string organisations)
    {
        var user = Authenticator(new ConsoleOptions { LocalTeam = localTeam }).LocalUser();
        Assert.Equal(role, user.Role);
        Assert.Equal(organisations, string.Join(',', user.Organisations.Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("the-key", true)]
    [InlineData("the-kez", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_local_runner_key_signs_in(string? key, bool accepted) =>
        Assert.Equal(accepted, Authenticator(new ConsoleOptions()).IsLocalKey(key));

    [Fact]
    public void A_session_cookie_round_trips_and_expires()
    {
        var options = new ConsoleOptions { SessionLifetime = TimeSpan.FromHours(1) };
        var authenticator = Authenticator(options);
        var user = new ConsoleUser("a", false, new HashSet<string> { "LEI" }, "s1");
        var header = authenticator.SessionCookieFor(user, https: true);
        Assert.Contains("; Secure", header, StringComparison.Ordinal);
        var cookie = header[..header.IndexOf(';', StringComparison.Ordinal)];

        Assert.Equal(user.Organisations, authenticator.Identify(Request(("Cookie", cookie)))!.Organisations);
        Clock.AdvanceMinutes(61);
        Assert.Null(authenticator.Identify(Request(("Cookie", cookie))));
        Clock.AdvanceMinutes(-61);
        // Another authenticator draws another key (another deployment, or a restart without Console:SessionKey): no session.
        Assert.Null(Authenticator(options).Identify(Request(("Cookie", cookie))));
    }

    private static ConsoleAuthenticator Authenticator(ConsoleOptions options) =>
        new(Options.Create(options), new ConfigurationBuilder().AddInMemoryCollection([new("LocalRunner:ApiKey", "the-key")]).Build(),
            new ConsoleSigner(Options.Create(options)), Clock);

    private static ConsoleRequest Request(params (string Name, string Value)[] headers) =>
        ConsoleRequest.From(new HttpTriggerInput("GET", "http://127.0.0.1/api/console/today", new Dictionary<string, string>(),
            headers.ToDictionary(h => h.Name, h => (IReadOnlyList<string>)[h.Value], StringComparer.OrdinalIgnoreCase), new Dictionary<string, string>(), null), "today");

    private static string Principal(string[] roles)
    {
        var claims = new List<object> { new { typ = "preferred_username", val = "j.smith@example.gov.uk" } };
        claims.AddRange(roles.Select(r => (object)new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims, name_typ = "preferred_username", role_typ = "roles" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
