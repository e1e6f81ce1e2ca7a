using System.Text;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.DependencyInjection;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// The live SPOC directory (operators only): its version and source, every entry with its mailbox and coverage, and
/// the entries flagged by permanent mail failures (<see cref="DirectoryEntryFlags"/>).
/// </summary>
public sealed class DirectoryPage(DirectoryStore directories, IServiceProvider services) : IConsolePage
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
        if (stored.Live is not { } live)
        {
            main.Append(P("No directory has been imported yet. Drop directory.csv in the directory inbox."));
            return context.Page("Directory", main.ToString());
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
}
