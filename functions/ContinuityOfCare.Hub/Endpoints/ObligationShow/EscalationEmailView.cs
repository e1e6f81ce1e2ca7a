using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ObligationShow;

/// <summary>
/// One recorded escalation level and where its email stands, read from the alert outbox row that carries it (the only
/// place an escalation email's delivery is kept: docs/pipeline.md "Obligations as orchestrations").
/// </summary>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="RecordedAt">When the level was recorded (its grace counts from here).</param>
/// <param name="EmailId">The outbox id of its email (also the Message-ID's local part); null when it has none.</param>
/// <param name="Email">
/// The outbox row's status (<c>Pending</c>: waiting for the relay; <c>Sending</c>, <c>Sent</c>, <c>Failed</c>,
/// <c>Unconfirmed</c>), or <c>NoRecipient</c> (no email: an EscalationUndelivered notice asks for a manual follow-up),
/// or <c>Unknown</c> (no outbox row to read: recorded before escalation emails went through the outbox).
/// </param>
/// <param name="Repeats">Automatic repeats after attempts left without a reply (each labelled "this may repeat").</param>
public sealed record EscalationEmailView(int Level, Instant RecordedAt, string? EmailId, string Email, int Repeats)
{
    /// <summary>No email was queued for the level: no recipient.</summary>
    public const string NoRecipient = "NoRecipient";

    /// <summary>The level's email cannot be read from the outbox.</summary>
    public const string Unknown = "Unknown";

    /// <summary>Each recorded level of <paramref name="stored"/> with its email's status from <paramref name="outbox"/> (null when the host has none).</summary>
    public static async Task<IReadOnlyList<EscalationEmailView>> ReadAsync(StoredObligation stored, AlertOutbox? outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var views = new List<EscalationEmailView>();
        foreach (var escalation in stored.Escalations)
        {
            var emailId = stored.EscalationEmails.TryGetValue(escalation.Level, out var id) ? id : null;
            var entry = emailId is { Length: > 0 } && outbox is not null ? await outbox.GetAsync(emailId, cancellationToken).ConfigureAwait(false) : null;
            views.Add(new EscalationEmailView(
                escalation.Level,
                escalation.SentAt,
                emailId is { Length: > 0 } ? emailId : null,
                entry?.Status.ToString() ?? (emailId is "" ? NoRecipient : Unknown),
                entry?.Repeats ?? 0));
        }

        return views;
    }
}
