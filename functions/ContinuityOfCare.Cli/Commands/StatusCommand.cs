using ContinuityOfCare.Core.Alerts;
using System.CommandLine;
using System.Globalization;
using Azure;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Mail.Outbox;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc status [--connection-string …] [--table-prefix …]</c>: queue depths and the age of each front message, poison counts, and
/// overdue obligations by owner organisation (README "HTTP API and operations": the operations commands), operator
/// notices, and Alert Forms that are Unconfirmed, Held, Failed, Bounced, Delayed or were repeated. Read-only. The queues are those the
/// function app's function.json files name (shipped next to <c>coc</c>); the state tables are read with
/// <c>--table-prefix</c> or <c>State__TablePrefix</c>. An empty account (the hub not run yet) is a valid state: no tables
/// means no obligations and no notices. Exit codes (docs/cli.md): 0 read, 2 no or invalid connection, 4 storage
/// unreachable or refusing (<see cref="StorageTrouble"/>).
/// </summary>
internal static class StatusCommand
{
    /// <summary>How many days of operator notices <c>coc status</c> lists.</summary>
    private const int NoticeDays = 7;

    public static Command Create()
    {
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string (default: the AzureWebJobsStorage environment variable)",
        };
        var tablePrefix = new Option<string?>("--table-prefix")
        {
            Description = "The state tables' prefix (default: the State__TablePrefix environment variable, else none)",
        };
        var verbose = StorageTrouble.VerboseOption();
        var command = new Command("status", "Queue depths, poison counts and overdue obligations by owner");
        command.Options.Add(connection);
        command.Options.Add(tablePrefix);
        command.Options.Add(verbose);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if ((parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage")) is not { Length: > 0 } connectionString)
            {
                await error.WriteLineAsync("No storage connection: pass --connection-string or set AzureWebJobsStorage.").ConfigureAwait(false);
                return 2;
            }

            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddInMemoryCollection(new Dictionary<string, string?> { [HubStorage.DefaultConnectionSetting] = connectionString })
                .Build();
            var prefix = parseResult.GetValue(tablePrefix) ?? configuration[$"{StateOptions.Section}:{nameof(StateOptions.TablePrefix)}"] ?? string.Empty;
            await using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .AddSingleton(TimeProvider.System)
                .AddHubStorage()
                .AddSingleton<QueueProbe>()
                .AddSingleton<StateTables>()
                .AddSingleton<ObligationStore>()
                .AddSingleton(provider => new OperatorNoticeStore(provider.GetRequiredService<StateTables>().Get(TableNames.Notices)))
                .AddSingleton<NoticeStore>()
                .Configure<StateOptions>(options => options.TablePrefix = prefix)
                .BuildServiceProvider();
            try
            {
                await WriteQueuesAsync(output, services.GetRequiredService<QueueProbe>(), cancellationToken).ConfigureAwait(false);
                await WriteOverdueAsync(output, services.GetRequiredService<ObligationStore>(), cancellationToken).ConfigureAwait(false);
                await WriteNoticesAsync(output, services.GetRequiredService<NoticeStore>(), cancellationToken).ConfigureAwait(false);
                await WriteOutboxAsync(output, OutboxTable(configuration, connectionString), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageTrouble.Is(exception))
            {
                return await StorageTrouble.ReportAsync(error, "status", exception, connectionString, parseResult.GetValue(verbose)).ConfigureAwait(false);
            }
            catch (FormatException)
            {
                await error.WriteLineAsync("The storage connection string is not valid.").ConfigureAwait(false);
                return 2;
            }

            return 0;
        });
        return command;
    }

    private static async Task WriteQueuesAsync(TextWriter output, QueueProbe probe, CancellationToken cancellationToken)
    {
        var queues = HubQueue.All;

        await output.WriteLineAsync("Queues").ConfigureAwait(false);
        await output.WriteLineAsync($"  {"queue",-20} {"depth",8} {"oldest",10} {"poison",8}").ConfigureAwait(false);
        foreach (var queue in queues)
        {
            var status = await probe.ProbeAsync(queue, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {status.Name,-20} {status.Depth,8} {Age(status.OldestMessageAgeSeconds),10} {status.PoisonDepth,8}")).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
    }

    private static async Task WriteOverdueAsync(TextWriter output, ObligationStore obligations, CancellationToken cancellationToken)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var byOwner = new SortedDictionary<string, (int Count, Duration Worst)>(StringComparer.Ordinal);
        var tableExists = true;
        try
        {
            await foreach (var entry in obligations.QueryOverdueAsync(now, cancellationToken).ConfigureAwait(false))
            {
                if (await obligations.GetAsync(entry.ObligationId, cancellationToken).ConfigureAwait(false) is not { } stored || stored.Obligation.IsClosed)
                {
                    continue;
                }

                var owner = stored.Obligation.OwnerOrganisationId;
                var lateness = stored.Obligation.LatenessAt(now);
                var (count, worst) = byOwner.GetValueOrDefault(owner);
                byOwner[owner] = (count + 1, lateness > worst ? lateness : worst);
            }
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            tableExists = false;
        }

        await output.WriteLineAsync("Overdue obligations by owner").ConfigureAwait(false);
        if (!tableExists)
        {
            await output.WriteLineAsync("  none (no obligations table yet: the hub has not run against this account)").ConfigureAwait(false);
            return;
        }

        if (byOwner.Count == 0)
        {
            await output.WriteLineAsync("  none").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"  {"owner",-20} {"overdue",8} {"most late",10}").ConfigureAwait(false);
        foreach (var (owner, (count, worst)) in byOwner)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {owner,-20} {count,8} {Age(worst.TotalSeconds),10}")).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every operator notice of the last <see cref="NoticeDays"/> days, from the one notice store (missing court lists and discharge exports,
    /// calendar running out: docs/operations.md "Notices", 000 Annex D). They are recorded once per feed per day; this is
    /// where an operator reads them. Notice messages carry court and prison codes only, never client data.
    /// </summary>
    private static async Task WriteNoticesAsync(TextWriter output, NoticeStore notices, CancellationToken cancellationToken)
    {
        var today = LondonTime.ToLocal(SystemClock.Instance.GetCurrentInstant()).Date;
        IReadOnlyList<HubNotice> recent;
        try
        {
            recent = await notices.ListAsync(today.PlusDays(1 - NoticeDays), today, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            recent = [];
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Operator notices (last {NoticeDays} days)")).ConfigureAwait(false);
        if (recent.Count == 0)
        {
            await output.WriteLineAsync("  none").ConfigureAwait(false);
            return;
        }

        foreach (var notice in recent)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {LondonTime.FormatDay(notice.Day)}  {notice.Kind}: {notice.Message}")).ConfigureAwait(false);
        }
    }

    /// <summary>The mail outbox table (<c>Mail:Outbox:AlertsTable</c>, default <c>alertoutbox</c>).</summary>
    internal static OutboxOperations OutboxTable(IConfiguration configuration, string connectionString) =>
        new(new TableClient(connectionString, configuration[$"{OutboxOptions.SectionName}:{nameof(OutboxOptions.AlertsTable)}"] ?? new OutboxOptions().AlertsTable));

    /// <summary>
    /// Alert Forms, then escalation emails (when any), that need a person or were repeated (docs/email.md "The residual
    /// window", "Delivery status and bounces"): Unconfirmed ones wait for <c>coc alert release ID</c>. References, org
    /// codes and states only.
    /// </summary>
    private static async Task WriteOutboxAsync(TextWriter output, OutboxOperations outbox, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxEntry> entries;
        try
        {
            entries = await outbox.ListAttentionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            entries = [];
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        // An escalation email carries its Alert Form's reference: listed apart, so a form and its escalation never read as two forms.
        var forms = entries.Where(entry => !entry.IsEscalation).ToList();
        var escalations = entries.Where(entry => entry.IsEscalation).ToList();
        await WriteAttentionAsync(output, "Alert Forms", forms, "alert id").ConfigureAwait(false);
        if (escalations.Count > 0)
        {
            await WriteAttentionAsync(output, "Escalation emails", escalations, "email id").ConfigureAwait(false);
        }
    }

    private static async Task WriteAttentionAsync(TextWriter output, string what, IReadOnlyList<OutboxEntry> entries, string idHeading)
    {
        var unconfirmed = entries.Count(entry => entry.Status == AlertStatus.Unconfirmed);
        var repeated = entries.Count(entry => entry.Repeats > 0);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{what} needing attention: {unconfirmed} unconfirmed, {repeated} repeated after an unanswered attempt")).ConfigureAwait(false);
        if (entries.Count == 0)
        {
            await output.WriteLineAsync("  none").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"  {"reference",-16} {"status",-12} {"delivery",-9} {"repeats",7}  {idHeading,-34} last reply").ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {entry.Reference,-16} {entry.Status,-12} {entry.Delivery,-9} {entry.Repeats,7}  {entry.AlertId,-34} {entry.SmtpReply}")).ConfigureAwait(false);
        }
    }

    /// <summary>A table or queue that does not exist yet: an empty account, not a failure.</summary>
    private static bool IsNotFound(RequestFailedException exception) => exception.Status == 404;

    /// <summary>An age in the largest whole unit that reads well: 45s, 12m, 5h, 3d; "-" when none.</summary>
    private static string Age(double? seconds) => seconds switch
    {
        null => "-",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0}m"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0}d"),
    };
}
