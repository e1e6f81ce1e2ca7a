using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// The live SPOC directory (operators only): its version and source; the latest import — accepted, unchanged or
/// rejected — with its diff (entries added, changed with the fields, removed) and its problems by line number, read
/// from the report the import wrote (<see cref="DirectoryReport"/>; the store names it); every entry with its mailbox
/// and coverage; and the entries flagged by permanent mail failures (<see cref="DirectoryEntryFlags"/>).
/// </summary>
public sealed class DirectoryPage(DirectoryStore directories, HubStorage storage, IOptions<DirectoryImportOptions> options, IServiceProvider services) : IConsolePage
{
    /// <inheritdoc />
    public string Section => "directory";

    /// <inheritdoc />
    public bool OperatorOnly => true;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Rest is not [])
        {
            return context.NotFound();
        }

        var stored = await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false);
        var main = new StringBuilder(Heading("SPOC directory"));
        var lastImport = await LastImportAsync(cancellationToken).ConfigureAwait(false);
        if (stored.Live is not { } live)
        {
            main.Append(P("No directory has been imported yet. Drop directory.csv in the directory inbox."));
            return context.Page("Directory", main.Append(lastImport).ToString());
        }

        var flags = services.GetService<DirectoryEntryFlags>();
        var flagged = new Dictionary<string, int>(StringComparer.Ordinal);
        if (flags is not null)
        {
            foreach (var entry in live.Entries)
            {
                flagged[entry.OrgCode] = await flags.CountAsync(entry.OrgCode, cancellationToken).ConfigureAwait(false);
            }
        }

        main.Append(SummaryList(
        [
            ("Live version", E(live.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ("Entries", E(N(live.Entries.Count))),
            ("Source file SHA-256", E(stored.SourceSha256 ?? "—")),
            ("Entries flagged by mail failures", E(N(flagged.Count(f => f.Value > 0)))),
        ]));
        main.Append(lastImport);
        main.Append(Table("Entries", ["Org code", "Type", "Name", "Mailbox", "Courts", "Effective from", "Flags"],
            live.Entries.OrderBy(e => e.OrgCode, StringComparer.Ordinal).Select(e => (IReadOnlyList<string>)
            [
                E(e.OrgCode), E(e.OrgType.ToString()), E(e.OrgName), E(e.Email), E(string.Join(", ", e.Courts)),
                E(e.EffectiveFrom.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture)),
                flagged.GetValueOrDefault(e.OrgCode) is > 0 and var n ? Tag($"{n} flag{(n == 1 ? "" : "s")}", "red") : E("—"),
            ])));
        return context.Page("Directory", main.ToString());
    }

    /// <inheritdoc />
    public Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context?.NotFound() ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>The latest import's outcome, diff and problems from its JSON report; empty before the first import.</summary>
    private async Task<string> LastImportAsync(CancellationToken cancellationToken)
    {
        if (await directories.LastImportReportAsync(cancellationToken).ConfigureAwait(false) is not { } name)
        {
            return string.Empty;
        }

        JsonNode? report;
        try
        {
            var blob = storage.Container(options.Value.ReportsContainer).GetBlobClient(name);
            report = JsonNode.Parse((await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content.ToString());
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            return "<h2 class=\"govuk-heading-m\">Last import</h2>" + P("The last import's report is no longer in the reports container.");
        }
        catch (JsonException)
        {
            return "<h2 class=\"govuk-heading-m\">Last import</h2>" + P("The last import's report could not be read.");
        }

        static string Text(JsonNode? node) => node?.ToString() ?? "";
        static IEnumerable<JsonNode> Items(JsonNode? node) => node is JsonArray array ? array.OfType<JsonNode>() : [];
        var status = Text(report?["status"]);
        var html = new StringBuilder("<h2 class=\"govuk-heading-m\">Last import</h2>");
        html.Append(SummaryList(
        [
            ("Outcome", status switch
            {
                DirectoryImportOutcome.Accepted => Tag("Accepted", "green"),
                DirectoryImportOutcome.Unchanged => Tag("Unchanged", "grey"),
                _ => Tag("Rejected", "red"),
            } + " " + E(status switch
            {
                DirectoryImportOutcome.Accepted => $"version {Text(report?["version"])} is live (previously {(Text(report?["previousVersion"]) is { Length: > 0 } previous ? "version " + previous : "none")})",
                DirectoryImportOutcome.Unchanged => "the file was identical to the live version; nothing stored",
                _ => $"the live version stays {(Text(report?["previousVersion"]) is { Length: > 0 } kept ? kept : "none")}",
            })),
            ("File", E(Text(report?["source"]))),
            ("Imported", E(DateTimeOffset.TryParse(Text(report?["importedAt"]), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? ConsoleFormat.When(NodaTime.Instant.FromDateTimeOffset(at)) : Text(report?["importedAt"]))),
        ]));

        var problems = Items(report?["problems"]).ToList();
        if (problems.Count > 0 || status == DirectoryImportOutcome.Rejected)
        {
            html.Append(Table($"Problems ({problems.Count}): nothing of this file was stored", ["Line", "Problem"],
                problems.Select(p => (IReadOnlyList<string>)[E(Text(p["line"]) is { Length: > 0 } line ? line : "file"), E(Text(p["reason"]))])));
        }

        var warnings = Items(report?["warnings"]).ToList();
        if (warnings.Count > 0)
        {
            html.Append(Table($"Warnings ({warnings.Count})", ["Line", "Warning"],
                warnings.Select(w => (IReadOnlyList<string>)[E(Text(w["line"]) is { Length: > 0 } line ? line : "file"), E(Text(w["reason"]))])));
        }

        if (report?["diff"] is { } diff && status != DirectoryImportOutcome.Unchanged)
        {
            var rows = Items(diff["added"]).Select(a => (IReadOnlyList<string>)[Tag("Added", "green"), E(Text(a)), E("")])
                .Concat(Items(diff["changed"]).Select(c => (IReadOnlyList<string>)[Tag("Changed", "blue"), E(Text(c["orgCode"])),
                    E(string.Join(", ", Items(c["fields"]).Select(Text)))]))
                .Concat(Items(diff["removed"]).Select(r => (IReadOnlyList<string>)[Tag("Removed", "red"), E(Text(r)), E("")]));
            html.Append(Table(status == DirectoryImportOutcome.Accepted ? "Changes from the previous version" : "Changes the rejected file would have made",
                ["Change", "Org code", "Fields changed"], rows));
        }

        return html.ToString();
    }
}
