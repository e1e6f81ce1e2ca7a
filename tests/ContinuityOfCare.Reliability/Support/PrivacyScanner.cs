using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// Part 5 of docs/reliability.md: every trace a run leaves — log lines at every level (the runner's stdout and stderr
/// at Trace, with scopes: exception messages, request URLs and the attributes logged with them), queue messages (sampled
/// while the run went on), every table's partition keys, row keys and property values, every blob's name and the
/// content of every blob the hub wrote (reports), every email's subject and body — searched for each personal value.
/// A client's value may appear only in the register and plan stores (<c>clients</c>, <c>clientindex</c>,
/// <c>possiblematches</c>, the outbox's stored forms) and in Alert Form bodies; a stranger's value nowhere. The raw
/// input files (the inboxes, <c>processed</c>, <c>rejected</c>) are the data itself and are only searched by name.
/// </summary>
internal static class PrivacyScanner
{
    private static readonly HashSet<string> RegisterAndPlanTables = new(StringComparer.Ordinal) { "clients", "clientindex", "possiblematches", "alertoutbox" };

    private static readonly HashSet<string> RawInputContainers = new(StringComparer.Ordinal)
    {
        InboxContainers.CourtLists, InboxContainers.CourtResults, InboxContainers.Discharges, InboxContainers.Clients,
        InboxContainers.Directory, InboxContainers.Calendar, InboxContainers.Processed, InboxContainers.Rejected,
    };

    public static async Task<PrivacyScan> ScanAsync(
        PersonalData data, string connectionString, IEnumerable<string> logFiles, IReadOnlyList<MaildevEmail> emails, CancellationToken cancellationToken, QueueSampler? queues = null)
    {
        var scan = new PrivacyScan(data);
        foreach (var file in logFiles)
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                scan.Search("log line", $"{Path.GetFileName(file)}:{number}", line, clientsAllowed: false);
            }
        }

        foreach (var message in queues?.Messages ?? [])
        {
            scan.Search("queue message", message.Queue, message.Text, clientsAllowed: false);
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var allowed = RegisterAndPlanTables.Contains(table.Name);
            scan.Search("table name", table.Name, table.Name, clientsAllowed: false);
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var where = $"{table.Name} {row.PartitionKey}/{row.RowKey}";
                scan.Search("table key", where, row.PartitionKey + " " + row.RowKey, clientsAllowed: allowed);
                foreach (var (name, value) in row)
                {
                    if (PrivacyScan.TableValueText(value) is { } text)
                    {
                        scan.Search("table value", where + " " + name, text, clientsAllowed: allowed);
                    }
                }
            }
        }

        var blobs = new Azure.Storage.Blobs.BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                scan.Search("blob name", container.Name, container.Name + "/" + blob.Name, clientsAllowed: false);
                foreach (var (key, value) in blob.Metadata ?? new Dictionary<string, string>())
                {
                    scan.Search("blob metadata", container.Name + "/" + blob.Name, key + " " + value, clientsAllowed: false);
                }

                if (!RawInputContainers.Contains(container.Name) && !(container.Name.StartsWith("azure-webjobs", StringComparison.Ordinal) && blob.Name.EndsWith(".lock", StringComparison.Ordinal)))
                {
                    var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                    scan.Search("blob content", container.Name + "/" + blob.Name, Encoding.UTF8.GetString(content.Value.Content.ToArray()), clientsAllowed: false);
                }
            }
        }

        foreach (var email in emails)
        {
            var isAlertForm = email.Subject.StartsWith("Alert Form", StringComparison.Ordinal);
            scan.Search("email subject", email.MessageId ?? email.Id, email.Subject, clientsAllowed: false);
            scan.Search("email header", email.MessageId ?? email.Id, string.Join('\n', email.Headers.Where(h => h.Key != "subject").Select(h => h.Key + ": " + h.Value)), clientsAllowed: false);
            scan.Search(isAlertForm ? "Alert Form body" : "email body", email.MessageId ?? email.Id, (email.Text ?? "") + "\n" + (email.Html ?? ""), clientsAllowed: isAlertForm);
        }

        return scan;
    }
}

/// <summary>The hits of one scan: every place a value was found where it must not be.</summary>
internal sealed class PrivacyScan(PersonalData data)
{
    private const int MaxTokensPerValue = 6;
    private readonly List<string> _leaks = [];
    private readonly Dictionary<string, long> _searched = new(StringComparer.Ordinal);
    private long _allowedHits;

    public IReadOnlyList<string> Leaks => _leaks;

    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"privacy scan: {data.ClientValues} client values, {data.StrangerValues} stranger values ({data.Strangers} strangers); searched ") +
        string.Join(", ", _searched.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Value} {s.Key}"))) +
        string.Create(CultureInfo.InvariantCulture, $"; {_allowedHits} hits where allowed (Alert Form bodies, register and plan stores); {_leaks.Count} leaks");

    /// <summary>
    /// Searches <paramref name="text"/> token by token: each run of letters and digits, and each run of up to six such
    /// tokens joined by one or two separator characters, folded as the values are — so a value is found with or
    /// without separators and in any case, but never as part of a longer token (a date of birth inside a 19-digit tick
    /// count is not a hit).
    /// </summary>
    public void Search(string kind, string where, string text, bool clientsAllowed)
    {
        _searched[kind] = _searched.GetValueOrDefault(kind) + 1;
        var tokens = Tokens(text);
        var hits = new List<(int First, int Last, PersonalValue Value)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var folded = new StringBuilder();
            for (var j = i; j < tokens.Count && j < i + MaxTokensPerValue; j++)
            {
                if (j > i)
                {
                    var gap = text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End);
                    if (gap.Length > 2 || gap.Contains('\n'))
                    {
                        break;
                    }
                }

                folded.Append(tokens[j].Folded);
                if (folded.Length >= 6 && data.TryFind(folded.ToString(), out var value))
                {
                    hits.Add((i, j, value));
                }
            }
        }

        // Where a client's values are allowed, a stranger's value found wholly inside a client's value at the same place
        // is the client's (a stranger "Lee Walsh" inside a client "Ian Lee Walsh" on the client's Alert Form).
        var allowed = clientsAllowed ? hits.Where(h => h.Value.Client).ToList() : [];
        foreach (var (first, last, value) in hits)
        {
            if (value.Client && clientsAllowed)
            {
                _allowedHits++;
            }
            else if (!value.Client && allowed.Any(c => c.First <= first && last <= c.Last && (c.First, c.Last) != (first, last)))
            {
                _allowedHits++;
            }
            else if (_leaks.Count < 10_000)
            {
                var start = Math.Max(0, tokens[first].Start - 40);
                var end = Math.Min(text.Length, tokens[last].End + 40);
                _leaks.Add($"{(value.Client ? "client" : "STRANGER")} {value.Kind} of {value.Owner} in {kind} ({where}): …{text[start..end].ReplaceLineEndings(" ")}…");
            }
        }
    }

    /// <summary>
    /// The text of a table property to search, or null for one that cannot hold personal text: an instant with a time
    /// of day is a time the hub recorded (an attempt, a send), not a date of birth — which it can equal by chance when a
    /// generated defendant is "born" on the run's own day.
    /// </summary>
    public static string? TableValueText(object? value) => value switch
    {
        DateTimeOffset instant when instant.TimeOfDay != TimeSpan.Zero => null,
        string or int or long or DateTimeOffset or bool or double or Guid => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        _ => null,
    };

    private static List<(int Start, int End, string Folded)> Tokens(string text)
    {
        var tokens = new List<(int, int, string)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add((start, i, text[start..i].ToLowerInvariant()));
        }

        return tokens;
    }
}
