using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// Part 5 of docs/reliability.md: every trace a run leaves — log lines at every level (the runner's stdout and stderr
/// at Trace, with scopes: exception messages, request URLs and the attributes logged with them), queue messages (sampled
/// while the run went on), every table's partition keys, row keys and property values, every blob's name and the
/// content of every blob the hub wrote (reports), every email's subject and body — searched for each personal value,
/// as written and decoded (<see cref="PrivacyScan.Decoded"/>). Where a value may be (<see cref="PrivacyAllowance"/>):
/// a client's only in its own row of <c>clients</c>, in the outbox rows of the forms about it and in the bodies of the
/// Alert Forms about it (the alert id of the Message-ID, attributed to a client by <c>coc plan</c>, not by the hub);
/// a near miss's and a stranger's nowhere. Every other table may hold nobody's — <c>clientindex</c> (keyed hashes and a
/// client id) and <c>possiblematches</c> (the candidate's id, the record's file and position, the reason and the
/// weight's parts: the held record itself is read back from the processed file) included. The raw input files (the inboxes, <c>processed</c>, <c>rejected</c>) are the data itself and are
/// only searched by name.
/// </summary>
internal static class PrivacyScanner
{
    private const string ClientsTable = "clients";
    private const string OutboxTable = "alertoutbox";

    private static readonly HashSet<string> RawInputContainers = new(StringComparer.Ordinal)
    {
        InboxContainers.CourtLists, InboxContainers.CourtResults, InboxContainers.Discharges, InboxContainers.Clients,
        InboxContainers.Directory, InboxContainers.Calendar, InboxContainers.Processed, InboxContainers.Rejected,
    };

    public static async Task<PrivacyScan> ScanAsync(
        PersonalData data, IReadOnlyDictionary<string, string> alertClients, string connectionString, IEnumerable<string> logFiles, IReadOnlyList<MaildevEmail> emails,
        CancellationToken cancellationToken, QueueSampler? queues = null)
    {
        var scan = new PrivacyScan(data);
        foreach (var file in logFiles)
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                scan.Search("log line", $"{Path.GetFileName(file)}:{number}", line, PrivacyAllowance.Nobody);
            }
        }

        foreach (var message in queues?.Messages ?? [])
        {
            scan.Search("queue message", message.Queue, message.Text, PrivacyAllowance.Nobody);
        }

        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            scan.Search("table name", table.Name, table.Name, PrivacyAllowance.Nobody);
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var allowed = RowAllowance(table.Name, row, alertClients);
                var where = $"{table.Name} {row.PartitionKey}/{row.RowKey}";
                scan.Search("table key", where, row.PartitionKey + " " + row.RowKey, allowed);
                foreach (var (name, value) in row)
                {
                    if (PrivacyScan.TableValueText(value) is { } text)
                    {
                        scan.Search("table value", where + " " + name, text, allowed);
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
                scan.Search("blob name", container.Name, container.Name + "/" + blob.Name, PrivacyAllowance.Nobody);
                foreach (var (key, value) in blob.Metadata ?? new Dictionary<string, string>())
                {
                    scan.Search("blob metadata", container.Name + "/" + blob.Name, key + " " + value, PrivacyAllowance.Nobody);
                }

                if (!RawInputContainers.Contains(container.Name) && !(container.Name.StartsWith("azure-webjobs", StringComparison.Ordinal) && blob.Name.EndsWith(".lock", StringComparison.Ordinal)))
                {
                    var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                    scan.Search("blob content", container.Name + "/" + blob.Name, Encoding.UTF8.GetString(content.Value.Content.ToArray()), PrivacyAllowance.Nobody);
                }
            }
        }

        foreach (var email in emails)
        {
            var isAlertForm = email.Subject.StartsWith("Alert Form", StringComparison.Ordinal);
            var where = email.MessageId ?? email.Id;
            scan.Search("email subject", where, email.Subject, PrivacyAllowance.Nobody);
            scan.Search("email header", where, string.Join('\n', email.Headers.Where(h => h.Key != "subject").Select(h => h.Key + ": " + h.Value)), PrivacyAllowance.Nobody);
            var body = (email.Text ?? "") + "\n" + (email.Html ?? "");
            scan.Search(isAlertForm ? "Alert Form body" : "email body", where, body, isAlertForm ? AlertFormAllowance(email.MessageId, alertClients) : PrivacyAllowance.Nobody);
        }

        return scan;
    }

    /// <summary>
    /// An Alert Form's body may hold the values of the client it is about: its alert id (the Message-ID's local part,
    /// 32 hex digits) attributed by the plan; a form the plan does not know may hold nobody's.
    /// </summary>
    public static PrivacyAllowance AlertFormAllowance(string? messageId, IReadOnlyDictionary<string, string> alertClients) =>
        messageId is { Length: > 32 } id && id[32] == '@' ? PrivacyAllowance.OfClient(alertClients.GetValueOrDefault(id[..32])) : PrivacyAllowance.Nobody;

    /// <summary>Whose values one row may hold: a register row its client's, an outbox form row its form's client's, any other row nobody's.</summary>
    public static PrivacyAllowance RowAllowance(string table, TableEntity row, IReadOnlyDictionary<string, string> alertClients) => table switch
    {
        ClientsTable => PrivacyAllowance.OfClient(row.GetString("ClientId")),
        OutboxTable when row.GetString("AlertId") is { } alertId => PrivacyAllowance.OfClient(alertClients.GetValueOrDefault(alertId)),
        _ => PrivacyAllowance.Nobody,
    };
}

/// <summary>The hits of one scan: every place a value was found where it must not be.</summary>
internal sealed partial class PrivacyScan(PersonalData data)
{
    private const int MaxTokensPerValue = 6;
    private readonly List<string> _leaks = [];
    private readonly Dictionary<string, long> _searched = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _allowedHits = new(StringComparer.Ordinal);
    private long _decodedTexts;

    public IReadOnlyList<string> Leaks => _leaks;

    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"privacy scan: {data.ClientValues} client values, {data.NearMissValues} near-miss values ({data.NearMisses} near misses), {data.StrangerValues} stranger values ({data.Strangers} strangers); searched ") +
        string.Join(", ", _searched.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Value} {s.Key}"))) +
        string.Create(CultureInfo.InvariantCulture, $" ({_decodedTexts} of them also decoded); {_allowedHits.Values.Sum()} hits where allowed: ") +
        string.Join(", ", _allowedHits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Value} {h.Key}"))) +
        string.Create(CultureInfo.InvariantCulture, $"; {_leaks.Count} leaks");

    /// <summary>
    /// Searches <paramref name="text"/> as written and, where it holds escapes, decoded (<see cref="Decoded"/>): each
    /// run of letters and digits, and each run of up to six such tokens joined by one or two separator characters,
    /// folded as the values are — so a value is found with or without separators, in any case, and however it was
    /// escaped, but never as part of a longer token (a date of birth inside a 19-digit tick count is not a hit). A
    /// value found where <paramref name="allowance"/> does not permit it is a leak.
    /// </summary>
    public void Search(string kind, string where, string text, PrivacyAllowance allowance)
    {
        _searched[kind] = _searched.GetValueOrDefault(kind) + 1;
        var found = SearchText(kind, where, text, allowance, alreadyFound: null);
        if (Decoded(text) is { } decoded)
        {
            _decodedTexts++;
            SearchText(kind + " (decoded)", where, decoded, allowance, found);
        }
    }

    /// <summary>
    /// <paramref name="text"/> with JSON escapes (<c>\u0027</c>, <c>\"</c>, <c>\\</c>, <c>\n</c> …), HTML character
    /// references (<c>&amp;#39;</c>, <c>&amp;amp;</c>, <c>&amp;nbsp;</c> …) and URL percent escapes (<c>%27</c>) undone, in that
    /// order (a JSON string can carry HTML, and both can carry a URL); null when nothing changes. "O\u0027Brien" in a
    /// stored form, "O&amp;#39;Brien" in an HTML body and "O%27Brien" in a logged URL are all "O'Brien".
    /// </summary>
    public static string? Decoded(string text)
    {
        if (text.AsSpan().IndexOfAny('\\', '&', '%') < 0)
        {
            return null;
        }

        var decoded = JsonEscape().Replace(text, match => match.Groups[1].Success
            ? ((char)int.Parse(match.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()
            : match.Groups[2].Value switch
            {
                "n" => "\n",
                "r" => "\r",
                "t" => "\t",
                "b" or "f" => " ",
                var literal => literal,
            });
        decoded = WebUtility.HtmlDecode(decoded);
        decoded = Uri.UnescapeDataString(decoded);
        return decoded == text ? null : decoded;
    }

    /// <summary>Searches one spelling of a text; returns the values it found, so the decoded spelling reports only what the written one did not.</summary>
    private HashSet<PersonalValue> SearchText(string kind, string where, string text, PrivacyAllowance allowance, HashSet<PersonalValue>? alreadyFound)
    {
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
                if (folded.Length >= 6 && data.TryFind(folded.ToString(), out var value) && alreadyFound?.Contains(value) != true)
                {
                    hits.Add((i, j, value));
                }
            }
        }

        // A value found wholly inside a permitted value at the same place belongs to it (a stranger "Lee Walsh" inside
        // the client "Ian Lee Walsh" on that client's Alert Form).
        var permitted = hits.Where(h => allowance.Permits(h.Value)).ToList();
        foreach (var (first, last, value) in hits)
        {
            if (allowance.Permits(value) || permitted.Any(p => p.First <= first && last <= p.Last && (p.First, p.Last) != (first, last)))
            {
                var place = kind.Replace(" (decoded)", "", StringComparison.Ordinal);
                var key = $"{(allowance.Permits(value) ? value.Holder : "inside a permitted value")} in {place}";
                _allowedHits[key] = _allowedHits.GetValueOrDefault(key) + 1;
            }
            else if (_leaks.Count < 10_000)
            {
                var start = Math.Max(0, tokens[first].Start - 40);
                var end = Math.Min(text.Length, tokens[last].End + 40);
                _leaks.Add($"{value.Holder} {value.Kind} of {value.Label} in {kind} ({where}): …{text[start..end].ReplaceLineEndings(" ")}…");
            }
        }

        return [.. hits.Select(h => h.Value)];
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

    [GeneratedRegex(@"\\(?:u([0-9a-fA-F]{4})|([""\\/bfnrt]))")]
    private static partial Regex JsonEscape();
}
