using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The per-file routing report (<c>reports/route/&lt;sha256&gt;.json</c>): what routing the file did — counts, alerts by
/// recipient organisation, obligations with their due instants, tasks, possible matches held, rejected records. Ids,
/// codes and reasons only: no names, dates of birth or identifiers (docs/domain.md "Consent and data minimisation"). Written
/// last, so its presence means the file is fully routed (the main job waits for it).
/// </summary>
public static class RouteReport
{
    /// <summary>The report as UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(string container, string fileName, string sha256, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var c = plan.Counts;
            json.WriteStartObject();
            json.WriteString("container", container);
            json.WriteString("file", fileName);
            json.WriteString("sha256", sha256);
            json.WriteString("now", LondonTime.FormatIso(plan.Now));
            json.WriteNumber("directoryVersion", plan.DirectoryVersion);
            json.WriteStartObject("counts");
            json.WriteNumber("records", c.CourtListings + c.CourtResults + c.Discharges);
            json.WriteNumber("matched", c.Matched);
            json.WriteNumber("possibleMatches", c.PossibleMatches);
            json.WriteNumber("unmatched", c.Unmatched);
            json.WriteNumber("ignored", c.Ignored);
            json.WriteNumber("events", c.Events);
            json.WriteNumber("alertsReady", c.AlertsReady);
            json.WriteNumber("alertsHeld", c.AlertsHeld);
            json.WriteNumber("obligationsOpened", c.ObligationsOpened);
            json.WriteNumber("obligationsClosed", c.ObligationsClosed);
            json.WriteNumber("tasks", c.Tasks);
            json.WriteNumber("rejected", c.Rejected);
            json.WriteEndObject();

            json.WriteStartArray("alerts");
            foreach (var alert in plan.Alerts)
            {
                json.WriteStartObject();
                json.WriteString("id", alert.Form.Id);
                json.WriteString("reference", alert.Form.Reference);
                json.WriteString("event", alert.Form.Event.ToString());
                json.WriteString("toOrgCode", alert.Form.To.OrgCode);
                json.WriteString("toEmail", alert.Form.To.Email);
                json.WriteString("status", alert.Status == AlertStatus.Ready ? "ready" : "held");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("obligations");
            foreach (var obligation in plan.ObligationsOpened)
            {
                json.WriteStartObject();
                json.WriteString("id", obligation.Id);
                json.WriteString("rule", obligation.RuleId);
                json.WriteString("owner", obligation.Owner);
                json.WriteString("due", obligation.Due is { } due ? LondonTime.FormatIso(due) : null);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("tasks");
            foreach (var task in plan.Tasks)
            {
                json.WriteStartObject();
                // The stored task's id: two files that raise the same task (the same client listed in two court lists
                // of one hearing) store it once, and a reader of several reports counts it once.
                json.WriteString("id", HubTask.IdFor(HubTaskKinds.Of(task.Kind), task.Owner, task.ClientId, task.EventId, task.Reason));
                json.WriteString("kind", PlanJsonFormats.UpperSnake(task.Kind.ToString()));
                json.WriteString("owner", task.Owner);
                json.WriteString("reason", task.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("rejected");
            foreach (var rejected in plan.Rejected)
            {
                json.WriteStartObject();
                json.WriteString("kind", rejected.IsWarning ? "warning" : "rejected");
                json.WriteString("where", rejected.Where.ToString());
                json.WriteString("reason", rejected.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
