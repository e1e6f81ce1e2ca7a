using System.Text.RegularExpressions;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>How a server's reply is recorded: <c>code text</c>, capped, with the queue id picked out when the text has one.</summary>
public static partial class SmtpReplies
{
    private const int MaxLength = 500;

    /// <summary><c>250 2.0.0 Ok: queued as 4Xk2</c>: the code and the server's own text, at most 500 characters.</summary>
    public static string Format(int code, string? text)
    {
        var reply = string.IsNullOrWhiteSpace(text) ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{code} {text.Trim()}";
        reply = reply.ReplaceLineEndings(" ");
        return reply.Length <= MaxLength ? reply : reply[..MaxLength];
    }

    /// <summary>
    /// The relay's queue id when its reply names one: Postfix and Exim say "queued as X", Exchange "Queued mail for
    /// delivery" with the id in brackets, maildev and others "id=X". Null when none is recognisable.
    /// </summary>
    public static string? QueueId(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = QueueIdPattern().Match(text);
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"(?:queued as|id=|\bid\s)\s*<?(?<id>[A-Za-z0-9._@-]{3,80})>?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueueIdPattern();
}
