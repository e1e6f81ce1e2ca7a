using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Operations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Operations (operators only): each stage queue with its depth and its poison queue's count, a Replay that first
/// shows what it would move (dry run) and moves only when confirmed (<see cref="PoisonReplay"/>, as
/// <c>coc replay-poison</c>), audited; and the operator notices of the last 7 days.
/// </summary>
public sealed class OperationsPage(QueueProbe probe, HubStorage storage, NoticeStore notices, AuditStore audit, IClock clock) : IConsolePage
{
    /// <summary>The audit action of a replay.</summary>
    public const string AuditAction = "poison.replayed";

    /// <inheritdoc />
    public string Section => "operations";

    /// <inheritdoc />
    public bool OperatorOnly => true;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Rest is [] ? await PageAsync(context, null, cancellationToken).ConfigureAwait(false) : context.NotFound();
    }

    /// <inheritdoc />
    public async Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var queue = HubQueue.All.FirstOrDefault(q => q.Name == context.Request.Field("queue"));
        if (context.Rest is not ["replay"] || queue is null)
        {
            return context.NotFound();
        }

        var (poison, target) = PoisonReplay.Clients(storage, queue);
        if (context.Request.Field("confirm") != "yes")
        {
            var waiting = await PoisonReplay.CountAsync(poison, cancellationToken).ConfigureAwait(false);
            var check = new StringBuilder(Heading($"Replay {queue.PoisonName}?", "Dry run: nothing has moved yet"))
                .Append(P(string.Create(CultureInfo.InvariantCulture, $"{queue.PoisonName} holds {waiting} message(s). Replaying moves each back to {queue.Name}, where it is processed again; find and fix the cause first.")));
            if (waiting > 0)
            {
                check.Append(context.Form(ConsolePaths.To("operations/replay"),
                    $"<input type=\"hidden\" name=\"queue\" value=\"{E(queue.Name)}\"><input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                    + Button(string.Create(CultureInfo.InvariantCulture, $"Replay {waiting} message(s)"), "warning")));
            }

            check.Append("<p class=\"govuk-body\">").Append(Link(ConsolePaths.To("operations"), "Back to operations")).Append("</p>");
            return context.Page("Replay poison messages", check.ToString());
        }

        // At most what the dry run counted: a message that fails again while the hub runs comes back, and is not moved twice.
        var limit = await PoisonReplay.CountAsync(poison, cancellationToken).ConfigureAwait(false);
        var moved = await PoisonReplay.MoveAllAsync(poison, target, null, cancellationToken, limit).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();
        await audit.AppendAsync(new AuditEntry($"replay:{queue.Name}:{ConsoleSigner.NewId()}", now, context.User.Name, AuditAction, "queue", queue.Name,
            moved.ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        return await PageAsync(context, string.Create(CultureInfo.InvariantCulture, $"Moved {moved} message(s) from {queue.PoisonName} to {queue.Name}"), cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseOutput> PageAsync(ConsoleContext context, string? done, CancellationToken cancellationToken)
    {
        var main = new StringBuilder(done is null ? "" : Success(done)).Append(Heading("Operations"));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var queue in HubQueue.All)
        {
            var status = await probe.ProbeAsync(queue, cancellationToken).ConfigureAwait(false);
            rows.Add(
            [
                E(queue.Name), E(N(status.Depth)),
                E(status.OldestMessageAgeSeconds is { } age ? ConsoleFormat.Span(Duration.FromSeconds(age)) : "—"),
                status.PoisonDepth > 0 ? Tag(N(status.PoisonDepth) + " poison", "red") : E("0"),
                status.PoisonDepth > 0
                    ? context.Form(ConsolePaths.To("operations/replay"), $"<input type=\"hidden\" name=\"queue\" value=\"{E(queue.Name)}\">"
                        + Button("Replay " + queue.PoisonName, "secondary"))
                    : E("—"),
            ]);
        }

        main.Append(Table("Queues", ["Queue", "Waiting", "Oldest waiting", "Poison", "Action"], rows, new HashSet<int> { 1 }));
        var today = LondonTime.ToLocal(clock.GetCurrentInstant()).Date;
        var recent = await notices.ListAsync(today.PlusDays(-6), today, cancellationToken).ConfigureAwait(false);
        main.Append(Table("Operator notices, last 7 days", ["Raised", "Kind", "Notice"],
            recent.OrderByDescending(n => n.RaisedAt).Select(n => (IReadOnlyList<string>)[E(ConsoleFormat.When(n.RaisedAt)), E(n.Kind), E(n.Message)])));
        return context.Page("Operations", main.ToString());
    }
}
