using MimeKit;
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

        if (!IsAddress(options.SenderAddress))
        {
            failures.Add("Mail:Smtp:SenderAddress must be a valid email address.");
        }

        if (!string.IsNullOrWhiteSpace(options.BounceAddress) && !IsAddress(options.BounceAddress))
        {
            failures.Add("Mail:Smtp:BounceAddress must be a valid email address (or empty for SenderAddress).");
        }

        if (options.PoolSize is < 1 or > 16)
        {
            failures.Add("Mail:Smtp:PoolSize must be between 1 and 16.");
        }

        if (options.KeepAliveAfter <= TimeSpan.Zero)
        {
            failures.Add("Mail:Smtp:KeepAliveAfter must be positive.");
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

    private static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailboxAddress.TryParse(value, out var parsed) && parsed.Address == value.Trim() && parsed.Address.Contains('@', StringComparison.Ordinal);
}
