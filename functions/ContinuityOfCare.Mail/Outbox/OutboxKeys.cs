using System.Security.Cryptography;
using System.Text;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>Table keys from the hub's ids: the id itself when it is a legal key, else its hex SHA-256 (stable either way).</summary>
public static class OutboxKeys
{
    /// <summary>The RowKey of every outbox row (one row per partition: the alert, or the notice email).</summary>
    public const string RowKey = "alert";

    /// <summary>The <c>Kind</c> of an outbox row that carries an operator notice email instead of an Alert Form.</summary>
    public const string NoticeKind = "notice";

    /// <summary>The <c>Kind</c> of an outbox row that carries one escalation level's email (docs/pipeline.md "Obligations as orchestrations").</summary>
    public const string EscalationKind = "escalation";

    /// <summary>A PartitionKey/RowKey for <paramref name="id"/>.</summary>
    public static string Key(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var legal = id.Length <= 256 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        return legal ? id : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
