using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.BankHolidays;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc deadline --rule &lt;rule id&gt; --start &lt;time&gt; [--date YYYY-MM-DD] [--bank-holidays FILE] [--json]</c>:
/// the due instant of one obligation rule (docs/domain.md "Obligations and their deadlines", "Time, days and the 24-hour
/// rule") in Europe/London and UTC with a one-line explanation. Exit 0 on success; 2 for an unknown rule, an
/// unreadable time or date, an unusable bank-holidays file or configuration, or a deadline beyond the calendar.
/// Numbers come from <c>Obligations__*</c> environment variables (docs/deadlines.md) over the defaults of docs/domain.md
/// "Obligations and their deadlines".
/// </summary>
internal static class DeadlineCommand
{
    /// <summary>Exit code for unusable arguments or input (Program.cs).</summary>
    public const int UsageError = 2;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var rule = new Option<string>("--rule") { Description = "Obligation rule id, e.g. cjit.dir-to-prison (see `coc rules`)", Required = true };
        var start = new Option<string>("--start")
        {
            Description = "Start: ISO-8601 instant with offset (2026-12-24T16:00:00Z) or Europe/London local time (2026-12-24T16:00)",
            Required = true,
        };
        var date = new Option<string>("--date") { Description = "Reference date YYYY-MM-DD for weeks-before rules (the release date for smt.release-planning)" };
        var bankHolidays = new Option<string>("--bank-holidays") { Description = "A GOV.UK bank-holidays JSON file (default: the shipped snapshot)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };

        var command = new Command("deadline", "Compute the due instant of an obligation rule from a start time");
        command.Options.Add(rule);
        command.Options.Add(start);
        command.Options.Add(date);
        command.Options.Add(bankHolidays);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new DeadlineRequest(
                parseResult.GetValue(rule),
                parseResult.GetValue(start),
                parseResult.GetValue(date),
                parseResult.GetValue(bankHolidays),
                parseResult.GetValue(json)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>Runs the verb, writing the answer to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(DeadlineRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (!TryLoadCatalogue(error, out var catalogue))
        {
            return UsageError;
        }

        if (string.IsNullOrWhiteSpace(request.RuleId) || !catalogue.TryGet(request.RuleId, out var rule))
        {
            await error.WriteLineAsync(
                $"coc deadline: unknown rule \"{request.RuleId}\". Known rules: {string.Join(", ", RuleIds.All)}.").ConfigureAwait(false);
            return UsageError;
        }

        if (!LondonTime.TryParse(request.Start, out var startInstant, out var resolutionNote))
        {
            await error.WriteLineAsync(
                $"coc deadline: cannot read the start time \"{request.Start}\". Use an ISO-8601 instant with an offset " +
                "(2026-12-24T16:00:00Z, 2026-06-01T09:00+01:00) or a Europe/London local time (2026-12-24T16:00).").ConfigureAwait(false);
            return UsageError;
        }

        LocalDate? referenceDate = null;
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            var parsedDate = LocalDatePattern.Iso.Parse(request.Date.Trim());
            if (!parsedDate.Success)
            {
                await error.WriteLineAsync($"coc deadline: cannot read the date \"{request.Date}\"; use YYYY-MM-DD.").ConfigureAwait(false);
                return UsageError;
            }

            referenceDate = parsedDate.Value;
        }

        if (rule.Deadline.NeedsReferenceDate && referenceDate is null)
        {
            await error.WriteLineAsync(
                $"coc deadline: rule {rule.Id} counts back from a date; give it with --date YYYY-MM-DD (e.g. the release date).").ConfigureAwait(false);
            return UsageError;
        }

        WorkingCalendar calendar;
        try
        {
            calendar = await BankHolidayCalendarLoader.LoadAsync(request.BankHolidaysFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is BankHolidayFileException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"coc deadline: cannot use the bank-holidays file: {exception.Message}").ConfigureAwait(false);
            return UsageError;
        }

        DueInstant due;
        try
        {
            due = DeadlineCalculator.Due(rule.Deadline, startInstant, calendar, referenceDate);
        }
        catch (CalendarCoverageException exception)
        {
            await error.WriteLineAsync($"coc deadline: {exception.Message}").ConfigureAwait(false);
            return UsageError;
        }

        if (request.Json)
        {
            await output.WriteLineAsync(ToJson(rule.Id, startInstant, due)).ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"Rule:      {rule.Id} ({rule.Deadline.Describe()}; {rule.Citation})").ConfigureAwait(false);
        await output.WriteLineAsync($"Start:     {LondonTime.Format(startInstant)} Europe/London ({LondonTime.FormatIso(startInstant)})").ConfigureAwait(false);
        if (resolutionNote is not null)
        {
            await output.WriteLineAsync($"Note:      {resolutionNote}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Due:       {LondonTime.Format(due.Due)} Europe/London ({LondonTime.FormatIso(due.Due)})").ConfigureAwait(false);
        await output.WriteLineAsync($"Due (UTC): {LondonTime.FormatIsoUtc(due.Due)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Why:       {due.Explanation}").ConfigureAwait(false);
        if (due.LateFromStart)
        {
            await output.WriteLineAsync("Late:      late from the start (the deadline had passed before the obligation opened)").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// The catalogue from the defaults (docs/domain.md "Obligations and their deadlines") overridden by <c>Obligations__*</c> environment variables, validated;
    /// on invalid configuration writes every problem to <paramref name="error"/> and returns false.
    /// </summary>
    internal static bool TryLoadCatalogue(TextWriter error, out ObligationCatalogue catalogue)
    {
        var options = new ObligationOptions();
        try
        {
            new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(ObligationOptions.SectionName).Bind(options);
            catalogue = ObligationCatalogue.From(options);
            return true;
        }
        catch (ObligationOptionsException exception)
        {
            foreach (var problem in exception.Errors)
            {
                error.WriteLine($"coc: configuration: {problem}");
            }
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message for a value of the wrong type names the key and the value (configuration, not personal data).
            error.WriteLine($"coc: configuration: {exception.Message}");
        }

        catalogue = ObligationCatalogue.Default;
        return false;
    }

    private static string ToJson(string ruleId, Instant start, DueInstant due)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("rule", ruleId);
            writer.WriteString("start", LondonTime.FormatIso(start));
            writer.WriteString("due", LondonTime.FormatIso(due.Due));
            writer.WriteString("dueUtc", LondonTime.FormatIsoUtc(due.Due));
            writer.WriteString("explanation", due.Explanation);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
