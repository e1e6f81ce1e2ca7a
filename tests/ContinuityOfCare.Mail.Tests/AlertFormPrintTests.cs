using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ContinuityOfCare.Mail.Rendering;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// 000 §1.8: the Alert Form is a one-page paper form, and prison offices print it. Printed by a real browser (Debian's
/// Chromium, headless, <c>--print-to-pdf</c> with the form's own <c>@page</c> A4 rule) and counted by <c>pdfinfo</c>:
/// one A4 page, for the fullest form the hub sends (every client field, a request, an acknowledgement link, the longest
/// context sentence, long organisation names). The test command installs both tools (scripts/ensure-system-packages.sh).
/// </summary>
public sealed class AlertFormPrintTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Forms => new() { "fullest", "minimised" };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Print_000_1_8_FitsOneA4Page(string which)
    {
        var form = which == "fullest" ? Fullest() : SampleAlerts.ReleaseWithoutPersonalDetails();
        var html = new AlertFormRenderer().Render(form, SampleAlerts.SentAt, SampleAlerts.AcknowledgementLink).Html;
        var directory = Directory.CreateTempSubdirectory("coc-print-");
        try
        {
            var page = Path.Combine(directory.FullName, "form.html");
            var pdf = Path.Combine(directory.FullName, "form.pdf");
            await File.WriteAllTextAsync(page, html);

            await RunAsync("/usr/bin/chromium",
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(directory.FullName, "profile")}",
                $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri);
            var info = await RunAsync("pdfinfo", pdf);

            var pages = int.Parse(Regex.Match(info, @"^Pages:\s+(\d+)", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
            // On failure, say what spilled over (pdftotext comes with pdfinfo).
            Assert.True(pages == 1, $"{pages} pages; spilled onto page 2: {(pages > 1 ? await RunAsync("pdftotext", "-f", "2", "-l", "2", pdf, "-") : "")}");
            // pdfinfo names the paper: the form's @page rule, not the browser's Letter default.
            Assert.Matches(@"Page size:.*\(A4\)", info);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The transfer form with everything a form can carry at its longest.</summary>
    private static Core.Alerts.AlertForm Fullest()
    {
        var transfer = SampleAlerts.Transfer();
        return transfer with
        {
            Sentence = string.Join(' ', Enumerable.Repeat("methadone continues;", 20))[..Core.Alerts.AlertForm.MaxSentenceLength],
            From = transfer.From! with { OrgName = "Yorkshire and the Humber Criminal Justice Intervention Team (Leeds and Wakefield)" },
            To = transfer.To with { OrgName = "HMP Wakefield Substance Misuse Team (healthcare, reception and wing services)", SpocName = "Declan Quilliam" },
        };
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        using var timeout = new CancellationTokenSource(ToolTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {ToolTimeout.TotalSeconds:0} s");
        }

        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
