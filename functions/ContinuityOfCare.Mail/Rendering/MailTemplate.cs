using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// A versioned template embedded in this assembly (source: <c>Templates/</c>). Placeholders are <c>{{name}}</c>, replaced
/// by the value — HTML-encoded when the template is HTML — and <c>{{raw:name}}</c>, replaced verbatim, used only for
/// fragments the renderers build from already-encoded values. No template engine: nothing in a value can become markup.
/// </summary>
public sealed partial class MailTemplate
{
    private MailTemplate(string name, string text, bool isHtml)
    {
        Name = name;
        Text = text;
        IsHtml = isHtml;
    }

    /// <summary>The template's file name, e.g. <c>alert-form.v1.html</c>.</summary>
    public string Name { get; }

    /// <summary>The template's source text.</summary>
    public string Text { get; }

    /// <summary>True for an HTML template (values are HTML-encoded).</summary>
    public bool IsHtml { get; }

    /// <summary>Loads the embedded template <paramref name="fileName"/> (e.g. <c>alert-form.v1.html</c>).</summary>
    /// <exception cref="InvalidOperationException">No such template is embedded.</exception>
    public static MailTemplate Load(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var assembly = typeof(MailTemplate).Assembly;
        using var stream = assembly.GetManifestResourceStream("Templates/" + fileName)
            ?? throw new InvalidOperationException($"Template {fileName} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new MailTemplate(fileName, reader.ReadToEnd(), fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Substitutes every placeholder.</summary>
    /// <exception cref="InvalidOperationException">A placeholder has no value (a template/renderer mismatch, never silent).</exception>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(Text, match =>
        {
            var raw = match.Groups["raw"].Success;
            var key = match.Groups["key"].Value;
            if (!values.TryGetValue(key, out var value))
            {
                throw new InvalidOperationException($"Template {Name} has placeholder {{{{{key}}}}} with no value.");
            }

            return raw || !IsHtml ? value : WebUtility.HtmlEncode(value);
        });
    }

    /// <summary>The placeholder names the template uses (for tests that keep templates and renderers in step).</summary>
    public IReadOnlySet<string> Placeholders() =>
        Placeholder().Matches(Text).Select(match => match.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\{(?<raw>raw:)?(?<key>[A-Za-z][A-Za-z0-9]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
