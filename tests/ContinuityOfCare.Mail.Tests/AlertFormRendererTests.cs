using System.Text.RegularExpressions;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Rendering;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

public sealed class AlertFormRendererTests
{
    private readonly AlertFormRenderer _renderer = new();

    [Fact]
    public void Snapshot_000_1_8_TransferAlertForm_Html() =>
        SnapshotAssert.Matches("alert-form-transfer.html", _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt, SampleAlerts.AcknowledgementLink).Html);

    [Fact]
    public void Snapshot_000_1_8_TransferAlertForm_Text() =>
        SnapshotAssert.Matches("alert-form-transfer.txt", _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt, SampleAlerts.AcknowledgementLink).Text);

    [Fact]
    public void Snapshot_000_1_8_ReleaseWithoutPersonalDetails_Html() =>
        SnapshotAssert.Matches("alert-form-release-minimised.html", _renderer.Render(SampleAlerts.ReleaseWithoutPersonalDetails(), SampleAlerts.SentAt).Html);

    [Fact]
    public void Snapshot_000_1_8_ReleaseWithoutPersonalDetails_Text() =>
        SnapshotAssert.Matches("alert-form-release-minimised.txt", _renderer.Render(SampleAlerts.ReleaseWithoutPersonalDetails(), SampleAlerts.SentAt).Text);

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void ClientBlock_InCustodyListing_SaysTheClientComesFromCustody(bool inCustody, bool shown)
    {
        var rendered = _renderer.Render(SampleAlerts.Transfer() with { InCustody = inCustody }, SampleAlerts.SentAt);
        Assert.Equal(shown, rendered.Text.Contains("  In custody: yes: coming to the hearing from custody", StringComparison.Ordinal));
        Assert.Equal(shown, rendered.Html.Contains("In custody", StringComparison.Ordinal));
    }

    [Fact]
    public void Subject_ConsentAndDataMinimisation_IsReferenceAndKindOfChange()
    {
        var rendered = _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt);
        Assert.Equal("Alert Form CC-2026-000123: transferred (HMP Leeds → HMP Wakefield)", rendered.Subject);
        Assert.True(SubjectGuard.IsFreeOfPersonalData(rendered.Subject, SampleAlerts.Transfer().Client));
    }

    [Fact]
    public void Subject_ConsentAndDataMinimisation_FallsBackToReferenceWhenTheSummaryWouldNameTheClient()
    {
        // A client whose surname is the prison's town: the summary would carry a name, so the subject drops it.
        var form = SampleAlerts.Transfer() with { Client = SampleAlerts.Transfer().Client with { Name = "Alex Wakefield" } };
        Assert.Equal("Alert Form CC-2026-000123", AlertFormRenderer.Subject(form));
    }

    [Fact]
    public void Html_000_1_8_ListsEveryBoxAndMarksTickedOnesInWordsNotColour()
    {
        var form = SampleAlerts.ReleaseWithoutPersonalDetails();
        var html = _renderer.Render(form, SampleAlerts.SentAt).Html;
        foreach (var box in ChangeBoxLabels.All)
        {
            var row = Regex.Match(html, $"<tr[^>]*><th scope=\"row\">{Regex.Escape(box.Label())}</th><td class=\"mark\">([^<]*)</td></tr>");
            Assert.True(row.Success, $"box {box} missing");
            Assert.Equal(form.Boxes.Contains(box) ? "&#x2612; Yes" : "&#x2610; No", row.Groups[1].Value);
        }
    }

    [Fact]
    public void Text_000_1_8_CarriesTheSameFactsAsTheHtml()
    {
        var form = SampleAlerts.Transfer();
        var rendered = _renderer.Render(form, SampleAlerts.SentAt);
        string[] facts =
        [
            form.Reference, "Fri 11 Dec 2026 15:04", form.ProcessPoint, "HMP Wakefield", "Leeds CJIT", "Priya Shah", "0800 000 2222",
            "Jordan O'Neil-Smith", "14 Mar 1988", "A1234BC", "2012/0123456X", "Transferred to another prison", form.Sentence,
            "Assess clinical needs on reception.", "Sat 12 Dec 2026 15:04", "smt.clinical-assessment", AlertFormRenderer.TemplateVersion,
        ];
        foreach (var fact in facts)
        {
            Assert.Contains(fact, rendered.Text, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(fact), rendered.Html, StringComparison.Ordinal);
        }

        Assert.Contains("[X] Transferred to another prison", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("[ ] Released", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_DomainTimeRules_ShowsTheDueInstantInEuropeLondonSummerTime()
    {
        // 23:00 UTC on 1 Jul 2026 is 00:00 on 2 Jul in London (BST): the form shows the London wall-clock time.
        var form = SampleAlerts.Transfer() with { Request = new AlertRequest("ob", "r", "Do it.", NodaTime.Instant.FromUtc(2026, 7, 1, 23, 0)) };
        Assert.Contains("By Thu 2 Jul 2026 00:00 (UK time)", _renderer.Render(form, SampleAlerts.SentAt).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ConsentAndDataMinimisation_PrintsOnlyClientFieldsPresentOnTheModel()
    {
        var rendered = _renderer.Render(SampleAlerts.ReleaseWithoutPersonalDetails(), SampleAlerts.SentAt);
        Assert.DoesNotContain("Date of birth", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("NOMS", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CL-000043", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("No personal details are shared with this recipient", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Security_EncodesEveryValue()
    {
        var form = SampleAlerts.Transfer() with { Sentence = "<script>alert(1)</script> & \"quoted\"" };
        var html = _renderer.Render(form, SampleAlerts.SentAt).Html;
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Accessibility_IsSelfContainedLabelledAndPrintable()
    {
        var html = _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt).Html;
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
        Assert.Contains("scope=\"row\"", html, StringComparison.Ordinal);
        Assert.Contains("scope=\"col\"", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(img|script|link|iframe|object)\\b", html);
        Assert.DoesNotMatch("src\\s*=|url\\(", html);
        // Without an acknowledgement link the form links nowhere; with one, see AcknowledgementLink_* below.
        Assert.DoesNotMatch("href\\s*=", html);
    }

    /// <summary>
    /// Read by a prison officer: the header is reference and date sent only; the process point and routing reason sit in
    /// a "Why you received this" footer; a day-based deadline reads "by end of …", never 23:59:59.
    /// </summary>
    [Fact]
    public void Layout_000_1_8_ProcessPointInTheFooterAndDayDeadlinesReadAsTheDay()
    {
        var form = SampleAlerts.Transfer() with
        {
            Request = new AlertRequest("ob", "cjit.assessment", "Assess.", NodaTime.Instant.FromUtc(2027, 1, 4, 23, 59, 59)),
        };
        var rendered = _renderer.Render(form, SampleAlerts.SentAt);

        Assert.Contains("By end of Mon 4 Jan 2027 (UK time)", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("By end of Mon 4 Jan 2027 (UK time)", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("23:59", rendered.Text + rendered.Html, StringComparison.Ordinal);
        var header = rendered.Html[..rendered.Html.IndexOf("<h2>", StringComparison.Ordinal)];
        Assert.DoesNotContain("Process point", header, StringComparison.Ordinal);
        Assert.DoesNotContain(form.ProcessPoint.Replace("§", "&#167;", StringComparison.Ordinal), header, StringComparison.Ordinal);
        var footer = rendered.Html[rendered.Html.IndexOf("<footer>", StringComparison.Ordinal)..];
        Assert.Contains("Why you received this:", footer, StringComparison.Ordinal);
        Assert.Contains("000 &#167;PP8", footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_AlertFormV3_EveryPlaceholderIsFilled()
    {
        // Render throws on a placeholder without a value; this pins both templates to the renderer, with and without a link.
        foreach (var link in new[] { null, new Uri("https://hub.example/api/ack/t") })
        {
            var rendered = _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt, link);
            Assert.DoesNotContain("{{", rendered.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", rendered.Text, StringComparison.Ordinal);
            Assert.Equal("alert-form.v3", rendered.TemplateVersion);
        }
    }

    [Fact]
    public void AcknowledgementLink_AcknowledgementLinks_ShownInTheAskSectionAndHtmlEncoded()
    {
        // docs/operations.md "Acknowledgement links": the signed single-use link is placed in Alert Forms and escalations. A token is base64url, but the
        // query below proves the HTML body encodes whatever the issuer returns.
        var link = new Uri("https://hub.example/api/ack/abc-DEF_123?x=1&y=2");
        var rendered = _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt, link);

        var textAsk = rendered.Text[rendered.Text.IndexOf("WHAT WE ASK OF YOU, BY WHEN", StringComparison.Ordinal)..];
        Assert.Contains("Obligation smt.clinical-assessment\nWhen done, confirm here: " + link.AbsoluteUri + "\n", textAsk, StringComparison.Ordinal);
        Assert.Contains("From a printed copy: phone or email the sending team (above) quoting CC-2026-000123.", textAsk, StringComparison.Ordinal);
        var htmlAsk = rendered.Html[rendered.Html.IndexOf("What we ask of you, by when", StringComparison.Ordinal)..];
        // A real hyperlink whose text says what it does (WCAG 2.4.4), not the URL; on paper the short reference instead.
        Assert.Contains(
            "<p class=\"confirm\"><a href=\"https://hub.example/api/ack/abc-DEF_123?x=1&amp;y=2\">Confirm that you have done this for Alert Form CC-2026-000123</a></p>",
            htmlAsk,
            StringComparison.Ordinal);
        Assert.Contains("quoting CC-2026-000123.", htmlAsk, StringComparison.Ordinal);
        Assert.DoesNotContain("&y=", rendered.Html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(rendered.Html, "href\\s*="));
    }

    [Fact]
    public void AcknowledgementLink_AcknowledgementLinks_AbsentWithoutALink()
    {
        var rendered = _renderer.Render(SampleAlerts.Transfer(), SampleAlerts.SentAt);
        Assert.DoesNotContain("confirm here", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm here", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"confirm\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void AcknowledgementLink_AcknowledgementLinks_AbsentWhenTheFormAsksNothing()
    {
        // A link without a request would confirm nothing: the renderer drops it.
        var rendered = _renderer.Render(SampleAlerts.ReleaseWithoutPersonalDetails(), SampleAlerts.SentAt, new Uri("https://hub.example/api/ack/t"));
        Assert.DoesNotContain("/api/ack/", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/ack/", rendered.Html, StringComparison.Ordinal);
    }
}
