using ContinuityOfCare.Mail.Transport;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>The preview's .eml is the MimeKit message as the transport sends it.</summary>
public sealed class EmlWriterTests
{
    [Fact]
    public async Task Preview_EmlIsTheWireMessage()
    {
        var smtp = TestMail.Smtp(25);
        var email = TestMail.EmailFactory(smtp).Create(SampleAlerts.Transfer(), SampleAlerts.SentAt);
        var path = Path.Combine(Path.GetTempPath(), $"coc-{Guid.NewGuid():N}.eml");
        try
        {
            await EmlWriter.WriteAsync(email, path, CancellationToken.None);
            var eml = await File.ReadAllTextAsync(path);
            Assert.DoesNotContain("X-Sender:", eml, StringComparison.Ordinal);
            Assert.Contains("Message-Id: <a1b2c3d4e5f60718@continuity-of-care.hub>\r\n", eml, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Reply-To:", eml, StringComparison.Ordinal);
            Assert.Contains("Content-Type: text/plain; charset=utf-8", eml, StringComparison.Ordinal);
            Assert.Contains("Content-Type: text/html; charset=utf-8", eml, StringComparison.Ordinal);
            Assert.Contains("Content-Transfer-Encoding: quoted-printable", eml, StringComparison.Ordinal);
            Assert.Contains("Auto-Submitted: auto-generated", eml, StringComparison.Ordinal);
            Assert.Contains("Content-Type: multipart/alternative;", eml, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
