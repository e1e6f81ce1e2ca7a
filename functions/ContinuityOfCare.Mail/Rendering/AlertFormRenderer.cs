using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// Renders an <see cref="AlertForm"/> as the one-page paper form (000 §1.8 "tick-box plus one sentence"; docs/domain.md
/// "The Alert Form"): HTML and a plain-text alternative with the same facts, from the versioned templates
/// <c>alert-form.v3.html</c> / <c>.txt</c>. Prints only the client fields present on the model — the core has already
/// minimised them for this recipient (docs/domain.md "Consent and data minimisation").
/// <para>v2 added the "When done, confirm here" line with the signed single-use acknowledgement link when the form asks
/// for an obligation and a link was issued (docs/operations.md "Acknowledgement links"). v3 is laid out for the person
/// who reads it on paper in a prison office: the process point and routing reason move to a "Why you received this"
/// footer; a day-based deadline reads "by end of Mon 4 Jan 2027"; the link is a real hyperlink with descriptive text in
/// the HTML part (WCAG 2.4.4) and, for paper, the form's short reference to quote by phone or email instead of a long
/// URL; and it prints on one A4 page. v1 and v2 stay embedded so earlier sends' recorded template version still names a
/// template that exists.</para>
/// </summary>
public sealed class AlertFormRenderer
{
    /// <summary>The template version recorded with every alert rendered by this class.</summary>
    public const string TemplateVersion = "alert-form.v3";

    private const string HubName = "Continuity of Care hub";
    private static readonly LocalDatePattern DateOfBirthPattern = LocalDatePattern.Create("d MMM uuuu", CultureInfo.InvariantCulture);
    private readonly MailTemplate _html = MailTemplate.Load(TemplateVersion + ".html");
    private readonly MailTemplate _text = MailTemplate.Load(TemplateVersion + ".txt");

    /// <summary>
    /// Renders <paramref name="form"/> as sent at <paramref name="sentAt"/>. <paramref name="acknowledgementLink"/> is the
    /// signed link that records fulfilment of the form's <see cref="AlertForm.Request"/>; it is shown only when the form
    /// asks for something (a link without a request would confirm nothing).
    /// </summary>
    public RenderedEmail Render(AlertForm form, Instant sentAt, Uri? acknowledgementLink = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var link = form.Request is null ? null : acknowledgementLink;
        var sent = LondonTime.ToLocal(sentAt);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reference"] = form.Reference,
            ["sentAt"] = LondonTime.Format(sent.With(TimeAdjusters.TruncateToMinute)),
            ["sentence"] = form.Sentence,
            ["reason"] = form.Reason,
            ["templateVersion"] = TemplateVersion,
        };

        var html = new Dictionary<string, string>(shared, StringComparer.Ordinal)
        {
            ["partyRows"] = PartyRows(form.From, form.To),
            ["clientRows"] = ClientRows(form.Client, form.InCustody),
            ["boxRows"] = BoxRows(form.Boxes),
            ["askBlock"] = AskHtml(form.Request),
            ["confirmBlock"] = link is null ? string.Empty : ConfirmHtml(link, form.Reference),
        };
        var text = new Dictionary<string, string>(shared, StringComparer.Ordinal)
        {
            ["fromBlock"] = PartyText(form.From),
            ["toBlock"] = PartyText(form.To),
            ["clientBlock"] = ClientText(form.Client, form.InCustody),
            ["boxBlock"] = BoxText(form.Boxes),
            ["askBlock"] = AskText(form.Request),
            ["confirmBlock"] = link is null ? string.Empty : ConfirmText(link, form.Reference),
        };
        return new RenderedEmail(Subject(form), _html.Render(html), _text.Render(text), TemplateVersion);
    }

    /// <summary>
    /// <c>Alert Form &lt;reference&gt;: &lt;kind of change&gt;</c>. docs/domain.md "Consent and data minimisation": never a
    /// name, date of birth or identifier — if the summary would carry one (e.g. a client whose surname is a prison's
    /// town), the subject falls back to the reference alone, and if even that collides, to a fixed phrase.
    /// </summary>
    public static string Subject(AlertForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string[] candidates = [$"Alert Form {form.Reference}: {form.Summary}", $"Alert Form {form.Reference}", "Alert Form (reference in the message)"];
        return candidates.First(candidate => SubjectGuard.IsFreeOfPersonalData(candidate, form.Client));
    }

    /// <summary>The 24/7 line is shown when either party has one (a CJIT's client line, docs/domain.md "Who is involved").</summary>
    private static string PartyRows(AlertParty? from, AlertParty to)
    {
        var html = new StringBuilder();
        HtmlFragments.RowHeaderAndCells(html, "Organisation", from is null ? HubName : $"{from.OrgName} ({OrgTypeName(from.OrgType)})", $"{to.OrgName} ({OrgTypeName(to.OrgType)})");
        HtmlFragments.RowHeaderAndCells(html, "Single point of contact", from?.SpocName, to.SpocName);
        HtmlFragments.RowHeaderAndCells(html, "Email", from?.Email, to.Email);
        HtmlFragments.RowHeaderAndCells(html, "Phone", from?.Phone, to.Phone);
        if (!string.IsNullOrWhiteSpace(from?.Phone24x7) || !string.IsNullOrWhiteSpace(to.Phone24x7))
        {
            HtmlFragments.RowHeaderAndCells(html, "CJIT 24/7 client line", from?.Phone24x7, to.Phone24x7);
        }

        return html.ToString().TrimEnd('\n');
    }

    private static string PartyText(AlertParty? party)
    {
        if (party is null)
        {
            return $"  Organisation: {HubName}";
        }

        var lines = new List<string> { $"  Organisation: {party.OrgName} ({OrgTypeName(party.OrgType)})" };
        AddIfPresent(lines, "  Single point of contact: ", party.SpocName);
        AddIfPresent(lines, "  Email: ", party.Email);
        AddIfPresent(lines, "  Phone: ", party.Phone);
        AddIfPresent(lines, "  CJIT 24/7 client line: ", party.Phone24x7);
        return string.Join('\n', lines);
    }

    // A listing's inCustody: the client comes to court from prison, which the CJIT and the SMT act on (000 §PP10, §PP13).
    private static IEnumerable<(string Label, string Value)> ClientFieldsWithCustody(AlertClientDetails client, bool inCustody) =>
        inCustody ? ClientFields(client).Append(("In custody", "yes: coming to the hearing from custody")) : ClientFields(client);

    private static IEnumerable<(string Label, string Value)> ClientFields(AlertClientDetails client)
    {
        if (!string.IsNullOrWhiteSpace(client.Name))
        {
            yield return ("Name", client.Name);
        }

        if (client.DateOfBirth is { } dateOfBirth)
        {
            yield return ("Date of birth", DateOfBirthPattern.Format(dateOfBirth));
        }

        if (!string.IsNullOrWhiteSpace(client.Noms))
        {
            yield return ("NOMS number", client.Noms);
        }

        if (!string.IsNullOrWhiteSpace(client.Pnc))
        {
            yield return ("PNC", client.Pnc);
        }
    }

    private const string NoClientDetails = "No personal details are shared with this recipient; quote the reference above.";

    private static string ClientRows(AlertClientDetails client, bool inCustody)
    {
        var html = new StringBuilder();
        foreach (var (label, value) in ClientFieldsWithCustody(client, inCustody))
        {
            HtmlFragments.RowHeaderAndCells(html, label, value);
        }

        if (html.Length == 0)
        {
            HtmlFragments.RowHeaderAndCells(html, "Details", NoClientDetails);
        }

        return html.ToString().TrimEnd('\n');
    }

    private static string ClientText(AlertClientDetails client, bool inCustody)
    {
        var lines = ClientFieldsWithCustody(client, inCustody).Select(field => $"  {field.Label}: {field.Value}").ToList();
        return lines.Count == 0 ? "  " + NoClientDetails : string.Join('\n', lines);
    }

    /// <summary>Every box in form order; ticked ones say so in words and a symbol, not by colour (accessibility).</summary>
    private static string BoxRows(IReadOnlyList<ChangeBox> ticked)
    {
        var html = new StringBuilder();
        foreach (var box in ChangeBoxLabels.All)
        {
            var isTicked = ticked.Contains(box);
            html.Append(isTicked ? "<tr class=\"ticked\">" : "<tr>")
                .Append("<th scope=\"row\">").Append(HtmlFragments.Encode(box.Label())).Append("</th>")
                .Append("<td class=\"mark\">").Append(isTicked ? "&#x2612; Yes" : "&#x2610; No").Append("</td></tr>\n");
        }

        return html.ToString().TrimEnd('\n');
    }

    private static string BoxText(IReadOnlyList<ChangeBox> ticked) =>
        string.Join('\n', ChangeBoxLabels.All.Select(box => $"  [{(ticked.Contains(box) ? 'X' : ' ')}] {box.Label()}"));

    private const string NoRequest = "Nothing is asked of you: this form is for your information.";

    private static string AskHtml(AlertRequest? request) => request is null
        ? $"<p>{HtmlFragments.Encode(NoRequest)}</p>"
        : $"<div class=\"ask\">\n<p>{HtmlFragments.Encode(request.MustDo)}</p>\n" +
          $"<p class=\"due\">{HtmlFragments.Encode(DueLine(request.Due))}</p>\n" +
          $"<p class=\"small\">Obligation {HtmlFragments.Encode(request.RuleId)}</p>\n</div>";

    private static string AskText(AlertRequest? request) => request is null
        ? NoRequest
        : $"{request.MustDo}\n{DueLine(request.Due)}\nObligation {request.RuleId}";

    private static string DueLine(Instant due) => $"By {LondonTime.FormatDue(due)} (UK time)";

    /// <summary>
    /// The acknowledgement link as a hyperlink whose text says what it does (a link read out alone by a screen reader,
    /// or a 150-character URL printed on paper, helps nobody), and the way to confirm from paper: the short reference.
    /// </summary>
    private static string ConfirmHtml(Uri link, string reference) =>
        $"\n<p class=\"confirm\"><a href=\"{HtmlFragments.Encode(link.AbsoluteUri)}\">Confirm that you have done this for Alert Form {HtmlFragments.Encode(reference)}</a></p>\n" +
        $"<p class=\"small\">{HtmlFragments.Encode(PaperConfirmation(reference))}</p>";

    /// <summary>Plain text cannot carry a hyperlink; mail programs make the bare URL one.</summary>
    private static string ConfirmText(Uri link, string reference) =>
        $"\nWhen done, confirm here: {link.AbsoluteUri}\n{PaperConfirmation(reference)}";

    private static string PaperConfirmation(string reference) =>
        $"From a printed copy: phone or email the sending team (above) quoting {reference}.";

    private static void AddIfPresent(List<string> lines, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            lines.Add(label + value);
        }
    }

    private static string OrgTypeName(OrgType type) => type switch
    {
        OrgType.Cjit => "CJIT",
        OrgType.PrisonSmt => "prison Substance Misuse Team",
        OrgType.Probation => "probation",
        OrgType.RegionalTeam => "regional team",
        _ => type.ToString(),
    };
}
