using ContinuityOfCare.Mail.Rendering;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

public sealed class MailTemplateTests
{
    [Fact]
    public void Render_MissingValue_NamesThePlaceholder()
    {
        var template = MailTemplate.Load("alert-form.v1.txt");
        var error = Assert.Throws<InvalidOperationException>(() => template.Render(new Dictionary<string, string>()));
        Assert.Contains("{{reference}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTemplate_Throws() =>
        Assert.Throws<InvalidOperationException>(() => MailTemplate.Load("no-such.v9.html"));

    [Fact]
    public void Render_HtmlTemplate_EncodesPlainPlaceholdersAndNotRawOnes()
    {
        var template = MailTemplate.Load("alert-form.v1.html");
        var values = template.Placeholders().ToDictionary(name => name, name => "<b>" + name + "</b>");
        var html = template.Render(values);
        Assert.Contains("&lt;b&gt;reference&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<b>boxRows</b>", html, StringComparison.Ordinal);
    }
}
