using System.Globalization;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>Renders an <see cref="EscalationNotice"/> (docs/domain.md "Escalation") from <c>escalation.v1.html</c> / <c>.txt</c>.</summary>
public sealed class EscalationRenderer
{
    /// <summary>The template version of escalation emails.</summary>
    public const string TemplateVersion = "escalation.v1";

    private readonly MailTemplate _html = MailTemplate.Load(TemplateVersion + ".html");
    private readonly MailTemplate _text = MailTemplate.Load(TemplateVersion + ".txt");

    /// <summary>What stands in for the link where the sending host issues none (it serves no <c>/api/ack/</c>).</summary>
    public const string NoLinkText = "(no link from this sender: ask the hub operator to record it)";

    /// <summary>
    /// Renders the notice as sent at <paramref name="now"/> (which fixes "how late") with the signed single-use
    /// <paramref name="acknowledgementLink"/> issued for that send (null: none, <see cref="NoLinkText"/> instead).
    /// </summary>
    public RenderedEmail Render(EscalationNotice notice, Uri? acknowledgementLink, Instant now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["level"] = notice.Level.ToString(CultureInfo.InvariantCulture),
            ["levelExplanation"] = notice.Level switch
            {
                1 => "This obligation of your team is past its due time.",
                2 => $"This obligation of {notice.Owner.OrgName} is still open after the first reminder; you are its escalation contact.",
                _ => $"This obligation of {notice.Owner.OrgName} is still open after two reminders; it is escalated to the regional team.",
            },
            ["clientReference"] = notice.ClientReference,
            ["mustDo"] = notice.MustDo,
            ["ruleId"] = notice.RuleId,
            ["ownerName"] = notice.Owner.OrgName,
            ["due"] = LondonTime.FormatDue(notice.Due),
            ["lateBy"] = LateBy(now - notice.Due),
            ["acknowledgementLink"] = acknowledgementLink?.AbsoluteUri ?? NoLinkText,
            ["templateVersion"] = TemplateVersion,
        };
        return new RenderedEmail(
            $"Overdue (level {notice.Level}): {notice.RuleId} for {notice.ClientReference}",
            _html.Render(values),
            _text.Render(values),
            TemplateVersion);
    }

    /// <summary>Elapsed lateness in days, hours and minutes ("24 hours" is elapsed time, docs/domain.md "Time, days and the 24-hour rule").</summary>
    public static string LateBy(Duration late)
    {
        if (late <= Duration.Zero)
        {
            return "not yet late";
        }

        var parts = new List<string>();
        AddPart(parts, late.Days, "day");
        AddPart(parts, late.Hours, "hour");
        AddPart(parts, late.Minutes, "minute");
        return parts.Count == 0 ? "less than a minute" : string.Join(' ', parts);
    }

    private static void AddPart(List<string> parts, int value, string unit)
    {
        if (value > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? "" : "s")}"));
        }
    }
}
