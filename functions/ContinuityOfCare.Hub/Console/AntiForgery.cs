namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// Anti-forgery tokens for the console's POST forms (synchroniser tokens): an HMAC of the user's session id, so a page
/// of another site cannot know it; each POST must carry the token of the session that sends it. The log-in form, sent
/// before any session exists, is bound instead to a random nonce in a short-lived cookie.
/// </summary>
public sealed class AntiForgery(ConsoleSigner signer)
{
    /// <summary>The hidden form field.</summary>
    public const string FieldName = "_csrf";

    /// <summary>The cookie holding the log-in form's nonce.</summary>
    public const string LoginNonceCookie = "coc_login";

    /// <summary>The token of <paramref name="user"/>'s session.</summary>
    public string TokenFor(ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return signer.Sign("csrf", user.SessionId);
    }

    /// <summary>The log-in form's token for <paramref name="nonce"/>.</summary>
    public string LoginToken(string nonce) => signer.Sign("csrf-login", nonce);

    /// <summary>True when the request's form carries <paramref name="user"/>'s token.</summary>
    public bool IsValid(ConsoleRequest request, ConsoleUser user)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        return signer.Verify("csrf", user.SessionId, request.Field(FieldName));
    }

    /// <summary>True when the log-in POST carries the token of the nonce in its cookie.</summary>
    public bool IsValidLogin(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(LoginNonceCookie, out var nonce) && nonce.Length > 0
            && signer.Verify("csrf-login", nonce, request.Field(FieldName));
    }
}
