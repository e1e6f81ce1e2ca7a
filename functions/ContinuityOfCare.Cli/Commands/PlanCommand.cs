using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Directory;
using ContinuityOfCare.Ingestion.Discharges;
using ContinuityOfCare.Hub.Pipeline;
using NodaTime;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc plan --clients FILE --directory FILE [--directory-version N] [--bank-holidays FILE] [--now INSTANT]
/// [--court-list FILE]… [--court-results FILE]… [--discharges FILE]… [--json]</c>: previews what the hub would do
/// (architecture.md "Shape") without side effects. Exit codes (docs/cli.md): 0 even with rejected records (they are in
/// the output); 2 for unusable arguments, unreadable files or reference data refused whole, with one clear message on
/// stderr; 3 when the plan was made but a feed file was refused whole.
/// </summary>
internal static class PlanCommand
{
    /// <summary>Exit code for unusable arguments or input.</summary>
    public const int UsageError = 2;

    /// <summary>How many rejected records the readable summary lists before it counts the rest by reason.</summary>
    internal const int MaxRejectedListed = 1000;

    /// <summary>Exit code when the plan was made but a feed file was refused whole (docs/cli.md "Exit codes").</summary>
    public const int FeedFileRefused = 3;

    public static Command Create()
    {
        var clients = new Option<string>("--clients") { Description = "Client register CSV (formats.md §5)", Required = true };
        var directory = new Option<string>("--directory") { Description = "SPOC directory CSV (formats.md §4)", Required = true };
        var directoryVersion = new Option<int>("--directory-version") { Description = "Directory version recorded in routing reasons (default 1)", DefaultValueFactory = _ => 1 };
        var bankHolidays = new Option<string>("--bank-holidays") { Description = "GOV.UK bank-holidays JSON (default: the shipped snapshot)" };
        var now = new Option<string>("--now") { Description = "The plan's now: ISO-8601 instant (2026-12-10T15:00:00Z) or Europe/London local time (default: the clock)" };
        var courtLists = new Option<string[]>("--court-list") { Description = "HMCTS court list JSON (court code from the file name CODE__rest.json when it has one, else the directory's court_names); repeatable", AllowMultipleArgumentsPerToken = false };
        var courtResults = new Option<string[]>("--court-results") { Description = "Court results CSV (formats.md §2); repeatable" };
        var discharges = new Option<string[]>("--discharges") { Description = "Prison discharge export CSV (formats.md §3); repeatable" };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON (docs/plan.md)" };

        var command = new Command("plan", "Preview the hub's decisions (alerts, obligations, tasks) for input files, without side effects");
        foreach (var option in new Option[] { clients, directory, directoryVersion, bankHolidays, now, courtLists, courtResults, discharges, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new PlanRequest(
                parseResult.GetValue(clients),
                parseResult.GetValue(directory),
                parseResult.GetValue(directoryVersion),
                parseResult.GetValue(bankHolidays),
                parseResult.GetValue(now),
                parseResult.GetValue(courtLists) ?? [],
                parseResult.GetValue(courtResults) ?? [],
                parseResult.GetValue(discharges) ?? [],
                parseResult.GetValue(json)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Runs the verb; the plan goes to <paramref name="output"/>, problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(PlanRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var allFiles = new List<string?> { request.ClientsFile, request.DirectoryFile, request.BankHolidaysFile };
        allFiles.AddRange(request.CourtLists);
        allFiles.AddRange(request.CourtResults);
        allFiles.AddRange(request.Discharges);
        foreach (var path in allFiles.Where(p => p is not null))
        {
            if (InputFile.Problem(path!) is { } problem)
            {
                await error.WriteLineAsync($"coc plan: cannot read {problem}.").ConfigureAwait(false);
                return UsageError;
            }
        }

        if (string.IsNullOrWhiteSpace(request.ClientsFile) || string.IsNullOrWhiteSpace(request.DirectoryFile))
        {
            await error.WriteLineAsync("coc plan: --clients and --directory are required.").ConfigureAwait(false);
            return UsageError;
        }

        Instant planNow;
        if (request.Now is null)
        {
            planNow = SystemClock.Instance.GetCurrentInstant();
        }
        else if (!LondonTime.TryParse(request.Now, out planNow, out _))
        {
            await error.WriteLineAsync(
                $"coc plan: cannot read --now \"{request.Now}\". Use an ISO-8601 instant with an offset (2026-12-10T15:00:00Z) " +
                "or a Europe/London local time (2026-12-10T15:00).").ConfigureAwait(false);
            return UsageError;
        }

        if (!DeadlineCommand.TryLoadCatalogue(error, out var catalogue))
        {
            return UsageError;
        }

        WorkingCalendar calendar;
        try
        {
            calendar = await BankHolidayCalendarLoader.LoadAsync(request.BankHolidaysFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BankHolidayFileException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"coc plan: cannot use the bank-holidays file: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }

        var inputPaths = request.CourtLists.Concat(request.CourtResults).Concat(request.Discharges).ToList();
        var names = inputPaths.Select(Path.GetFileName).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            await error.WriteLineAsync($"coc plan: two input files share the name {names.Key}; records are identified by file name, so rename one.").ConfigureAwait(false);
            return UsageError;
        }

        var rejections = new List<Rejection>();

        // The register and the directory are essential: a plan without them means nothing, so a whole-file rejection is exit 2.
        // Read straight into the matching index (a columnar register: docs/benchmarks.md "Planning").
        var register = await new ClientRegisterCsvParser().LoadIndexFileAsync(request.ClientsFile, cancellationToken).ConfigureAwait(false);
        if (register.FileRejection is { } registerProblem)
        {
            await error.WriteLineAsync($"coc plan: cannot use the client register {registerProblem.Where.SourceFile}: {registerProblem.Reason}").ConfigureAwait(false);
            return UsageError;
        }

        rejections.AddRange(register.Rejections);
        rejections.AddRange(register.Warnings);

        SpocDirectory spocDirectory;
        var directoryName = Path.GetFileName(request.DirectoryFile);
        var directoryStream = File.OpenRead(request.DirectoryFile);
        await using (directoryStream.ConfigureAwait(false))
        {
            var parsed = await new SpocDirectoryParser().ParseAsync(directoryStream, directoryName, cancellationToken).ConfigureAwait(false);
            if (parsed.FileRejection is { } directoryProblem)
            {
                await error.WriteLineAsync($"coc plan: cannot use the SPOC directory {directoryName}: {directoryProblem.Reason}").ConfigureAwait(false);
                return UsageError;
            }

            rejections.AddRange(parsed.Problems);
            rejections.AddRange(parsed.Warnings);
            try
            {
                spocDirectory = new SpocDirectory(request.DirectoryVersion, [.. parsed.Rows.Select(r => r.Entry)]);
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync($"coc plan: cannot use the SPOC directory {directoryName}: {ex.Message}").ConfigureAwait(false);
                return UsageError;
            }
        }

        // docs/plan.md "One file at a time": each feed file is planned on its own, exactly as the hub's route step
        // plans it (FeedFilePlanner), and the preview is the union of those plans, de-duplicated by the deterministic ids
        // as the hub's stores are. A file refused whole is not planned (the hub does not route it); it is reported.
        var options = new PlanOptions { Catalogue = catalogue };
        var index = register.Index;
        var plans = new List<Plan>();
        var refusedWhole = 0;
        // Files in a fixed order (by kind, then name) so that the same files give the same output in any argument order.
        static IEnumerable<(string Container, string Path)> Ordered(string container, IEnumerable<string> paths) =>
            paths.OrderBy(Path.GetFileName, StringComparer.Ordinal).Select(p => (container, p));
        var feeds = Ordered(InboxContainers.CourtLists, request.CourtLists)
            .Concat(Ordered(InboxContainers.CourtResults, request.CourtResults))
            .Concat(Ordered(InboxContainers.Discharges, request.Discharges));
        foreach (var (container, path) in feeds)
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
            var (parsed, filePlan) = await FeedFilePlanner.PlanAsync(container, Path.GetFileName(path), sha256, content, courtCode: null,
                spocDirectory, index, calendar, planNow, options, cancellationToken).ConfigureAwait(false);
            if (parsed.FileRejection is { } whole)
            {
                refusedWhole++;
                rejections.Add(whole);
                rejections.AddRange(parsed.Rejections);
                continue;
            }

            plans.Add(filePlan);
        }

        var plan = PlanUnion.Unite(plans, planNow, spocDirectory.Version, index.Count, rejections);
        if (request.Json)
        {
            await output.WriteAsync(Encoding.UTF8.GetString(PlanJsonWriter.ToUtf8Bytes(plan))).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(PlanSummary(plan)).ConfigureAwait(false);
        }

        if (refusedWhole > 0)
        {
            await error.WriteLineAsync($"coc plan: {refusedWhole} feed file(s) could not be read at all and were left out (see \"(whole file)\" in the rejected list).").ConfigureAwait(false);
            return FeedFileRefused;
        }

        return 0;
    }

    /// <summary>The readable summary: counts, then each alert, obligation and task (ids and codes only, no names).</summary>
    internal static string PlanSummary(Plan plan)
    {
        var text = new StringBuilder();
        var c = plan.Counts;
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"Plan at {LondonTime.Format(plan.Now)} (Europe/London), SPOC directory version {plan.DirectoryVersion}");
        text.AppendLine(invariant, $"  inputs: {c.CourtListings} court listings, {c.CourtResults} court results, {c.Discharges} discharges; register of {c.RegisterClients} clients");
        text.AppendLine(invariant, $"  matched {c.Matched}, possible {c.PossibleMatches}, unmatched {c.Unmatched}, ignored by rule {c.Ignored}, rejected or warned {c.Rejected}");
        text.AppendLine(invariant, $"  events {c.Events}; alerts ready {c.AlertsReady}, held {c.AlertsHeld}; obligations opened {c.ObligationsOpened}, closed {c.ObligationsClosed}; tasks {c.Tasks}");
        text.AppendLine();
        text.AppendLine(invariant, $"Alerts ({plan.Alerts.Count})");
        foreach (var alert in plan.Alerts)
        {
            var form = alert.Form;
            text.AppendLine(invariant, $"  {form.Reference} [{(alert.Status == AlertStatus.Ready ? "ready" : "held")}] {form.Event} ({form.ProcessPoint}) to {form.To.OrgCode} <{form.To.Email}> for client {form.Client.ClientId}");
            text.AppendLine(invariant, $"    {form.Sentence}");
            if (form.Request is { } ask)
            {
                text.AppendLine(invariant, $"    asks: {ask.RuleId} by {LondonTime.FormatDue(ask.Due)}");
            }

            if (alert.HeldReason is { } held)
            {
                text.AppendLine(invariant, $"    held: {held}");
            }
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Obligations opened ({plan.ObligationsOpened.Count})");
        foreach (var o in plan.ObligationsOpened)
        {
            var due = o.Due is { } d ? LondonTime.Format(d) : "no due instant (calendar not covered)";
            var ppo = o.Priority == Core.Obligations.ObligationPriority.Ppo ? " [PPO]" : string.Empty;
            text.AppendLine(invariant, $"  {o.RuleId} owner {o.Owner} client {o.ClientId} due {due}{ppo}");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Obligations closed ({plan.ObligationsClosed.Count})");
        foreach (var closed in plan.ObligationsClosed)
        {
            text.AppendLine(invariant, $"  {closed.RuleId} client {closed.ClientId} {closed.Outcome.ToString().ToLowerInvariant()}: {closed.Reason}");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Tasks ({plan.Tasks.Count})");
        foreach (var task in plan.Tasks)
        {
            text.AppendLine(invariant, $"  {PlanJsonFormats.UpperSnake(task.Kind.ToString())} for {task.Owner}, client {task.ClientId}: {task.Reason}");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Rejected records and warnings ({plan.Rejected.Count})");
        foreach (var rejected in plan.Rejected.Take(MaxRejectedListed))
        {
            text.AppendLine(invariant, $"  {(rejected.IsWarning ? "warning" : "rejected")} {rejected.Where}: {rejected.Reason}");
        }

        if (plan.Rejected.Count > MaxRejectedListed)
        {
            // A junk file can give hundreds of thousands of rejections: list the first ones, then count the rest by reason
            // (docs/plan.md, exit codes paragraph). --json keeps every one.
            text.AppendLine(invariant, $"  … {plan.Rejected.Count - MaxRejectedListed} more not listed; all {plan.Rejected.Count} by reason:");
            foreach (var reason in plan.Rejected.GroupBy(r => (r.IsWarning, r.Reason)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Reason, StringComparer.Ordinal))
            {
                text.AppendLine(invariant, $"  {reason.Count(),8} {(reason.Key.IsWarning ? "warning" : "rejected")}: {reason.Key.Reason}");
            }
        }

        return text.ToString();
    }
}
