using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Rendering;
using NodaTime;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The columns of an escalation row that hold its <see cref="EscalationNotice"/> (docs/state.md "alertoutbox"): what the
/// email is about, never the rendered text with its acknowledgement link — the link is a credential, so it is issued
/// when the email is sent and stored nowhere (docs/email.md "Outbox"). The client reference is the row's
/// <c>Reference</c>; the parties are directory entries (teams' mailboxes), never client data.
/// </summary>
internal static class EscalationColumns
{
    private const string Level = "EscalationLevel";

    private static readonly JsonSerializerOptions PartyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes <paramref name="notice"/> onto <paramref name="row"/>.</summary>
    public static void Write(TableEntity row, EscalationNotice notice)
    {
        row[Level] = notice.Level;
        row["Reference"] = notice.ClientReference;
        row["ObligationId"] = notice.ObligationId;
        row["RuleId"] = notice.RuleId;
        row["MustDo"] = notice.MustDo;
        row["Due"] = notice.Due.ToDateTimeOffset();
        row["Owner"] = JsonSerializer.Serialize(notice.Owner, PartyJson);
        row["Recipient"] = JsonSerializer.Serialize(notice.Recipient, PartyJson);
    }

    /// <summary>The notice <paramref name="row"/> holds; null for a row queued already rendered (by an earlier version).</summary>
    /// <exception cref="InvalidOperationException">The row has a level but a notice column is missing or unreadable.</exception>
    public static EscalationNotice? Read(TableEntity row)
    {
        if (row.GetInt32(Level) is not { } level)
        {
            return null;
        }

        var id = row.GetString("AlertId") ?? row.PartitionKey;
        string Required(string column) =>
            row.GetString(column) ?? throw new InvalidOperationException($"Escalation email {id} has no {column} column.");
        AlertParty Party(string column)
        {
            try
            {
                return JsonSerializer.Deserialize<AlertParty>(Required(column), PartyJson)
                    ?? throw new InvalidOperationException($"Escalation email {id} has an empty {column} column.");
            }
            catch (JsonException exception)
            {
                throw new InvalidOperationException($"Escalation email {id} has an unreadable {column} column.", exception);
            }
        }

        var due = row.GetDateTimeOffset("Due") ?? throw new InvalidOperationException($"Escalation email {id} has no Due column.");
        return new EscalationNotice(
            level, row.GetString("Reference") ?? "", Required("ObligationId"), Required("RuleId"), Required("MustDo"),
            due.ToInstant(), Party("Owner"), Party("Recipient"));
    }
}
