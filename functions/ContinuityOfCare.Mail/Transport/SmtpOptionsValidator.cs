using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>Start-up validation of <see cref="SmtpOptions"/>: a misconfigured relay fails the host, not the first send.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "::1", "[::1]"];

    /// <summary>True when <paramref name="host"/> names the loopback interface, where a relay without TLS is tolerable.</summary>
    public static bool IsLoopback(string host) =>
        LoopbackHosts.Contains(host.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Mail:Smtp:Host is required.");
        }
        else if (!options.RequireStartTls && !IsLoopback(options.Host))
        {
            // architecture.md "Security rules": STARTTLS may be off only for a localhost development relay.
            failures.Add("Mail:Smtp:RequireStartTls may be false only when Host is localhost, 127.0.0.1 or ::1.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Mail:Smtp:Port must be between 1 and 65535.");
        }

        if (!MailAddress.TryCreate(options.SenderAddress, out _))
        {
            failures.Add("Mail:Smtp:SenderAddress must be a valid email address.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Mail:Smtp:Timeout must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.UserName) != string.IsNullOrWhiteSpace(options.Password))
        {
            failures.Add("Mail:Smtp:UserName and Mail:Smtp:Password must be given together.");
        }

        if (!MessageIds.IsDotAtom(options.MessageIdDomain))
        {
            failures.Add("Mail:Smtp:MessageIdDomain must be a domain (letters, digits, dots, hyphens).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
