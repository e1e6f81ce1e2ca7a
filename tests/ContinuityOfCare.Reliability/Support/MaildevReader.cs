using System.Globalization;
using System.Text.Json;
using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// Reads every message maildev holds (<c>GET /email</c>) with a timeout fit for the larger run's thousands of messages
/// (the shared fixture's client gives up after 10 s, which suits the other suites' few dozen).
/// </summary>
internal static class MaildevReader
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static async Task<IReadOnlyList<MaildevEmail>> AllAsync(MaildevServer maildev, CancellationToken cancellationToken)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{maildev.WebPort}/email"));
        await using var body = await Http.GetStreamAsync(uri, cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. document.RootElement.EnumerateArray().Select(MaildevEmail.FromJson)];
    }
}
