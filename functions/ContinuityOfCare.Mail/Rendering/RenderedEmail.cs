namespace ContinuityOfCare.Mail.Rendering;

/// <summary>A rendered message body pair and its subject, with the template version that produced them.</summary>
/// <param name="Subject">The subject line (checked free of personal data for Alert Forms).</param>
/// <param name="Html">The HTML body.</param>
/// <param name="Text">The plain-text alternative with the same facts.</param>
/// <param name="TemplateVersion">e.g. <c>alert-form.v1</c>.</param>
public sealed record RenderedEmail(string Subject, string Html, string Text, string TemplateVersion);
