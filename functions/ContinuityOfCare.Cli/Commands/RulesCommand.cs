using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc rules [--json]</c>: the obligation catalogue (docs/domain.md "Obligations and their deadlines") with the
/// configured numbers (defaults unless <c>Obligations__*</c> environment variables override them), citations and the
/// escalation grace. Exit 2 when the configuration is invalid.
/// </summary>
internal static class RulesCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the catalogue as JSON" };
        var command = new Command("rules", "List the obligation rules with their deadlines and citations");
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(json), parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the verb, writing the catalogue to <paramref name="output"/>.</summary>
    public static async Task<int> RunAsync(bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        cancellationToken.ThrowIfCancellationRequested();
        if (!DeadlineCommand.TryLoadCatalogue(error, out var catalogue))
        {
            return DeadlineCommand.UsageError;
        }

        if (json)
        {
            await output.WriteLineAsync(ToJson(catalogue)).ConfigureAwait(false);
            return 0;
        }

        var idWidth = catalogue.Max(r => r.Id.Length);
        foreach (var rule in catalogue)
        {
            await output.WriteLineAsync($"{rule.Id.PadRight(idWidth)}  {rule.Deadline.Describe()}").ConfigureAwait(false);
            await output.WriteLineAsync($"{new string(' ', idWidth)}  opened by: {rule.OpenedBy}; owner: {rule.OwnerRole}; must do: {rule.MustDo}").ConfigureAwait(false);
            await output.WriteLineAsync($"{new string(' ', idWidth)}  fulfilled: {rule.Fulfilment}; source: {rule.Citation}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(
            $"Escalation: level 1 when past due; level 2 after {catalogue.Escalation.Level2GraceWorkingDays} working day(s); " +
            $"level 3 after {catalogue.Escalation.Level3GraceWorkingDays} more (docs/domain.md \"Escalation\").").ConfigureAwait(false);
        await output.WriteLineAsync($"Non-return from court established after {catalogue.NonReturnWait.TotalHours:0} hours without a court result.").ConfigureAwait(false);
        return 0;
    }

    private static string ToJson(ObligationCatalogue catalogue)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("rules");
            foreach (var rule in catalogue)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("openedBy", rule.OpenedBy);
                writer.WriteString("owner", rule.OwnerRole.ToString());
                writer.WriteString("mustDo", rule.MustDo);
                WriteDeadline(writer, rule.Deadline);
                writer.WriteString("fulfilment", rule.Fulfilment);
                writer.WriteString("citation", rule.Citation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("escalation");
            writer.WriteNumber("level2GraceWorkingDays", catalogue.Escalation.Level2GraceWorkingDays);
            writer.WriteNumber("level3GraceWorkingDays", catalogue.Escalation.Level3GraceWorkingDays);
            writer.WriteEndObject();
            writer.WriteNumber("nonReturnWaitHours", (int)catalogue.NonReturnWait.TotalHours);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteDeadline(Utf8JsonWriter writer, DeadlineRule deadline)
    {
        writer.WriteStartObject("deadline");
        switch (deadline)
        {
            case DeadlineRule.HoursAfter hours:
                writer.WriteString("kind", "hours");
                writer.WriteNumber("hours", hours.Hours);
                break;
            case DeadlineRule.TwentyFourHourRule rule:
                writer.WriteString("kind", "24h-rule");
                writer.WriteNumber("hours", rule.Hours);
                writer.WriteString("nextWorkingDayTime", rule.NextWorkingDayTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DeadlineRule.CalendarDaysAfter days:
                writer.WriteString("kind", "calendar-days");
                writer.WriteNumber("days", days.Days);
                break;
            case DeadlineRule.EndOfDayNumber day:
                writer.WriteString("kind", "end-of-day-k");
                writer.WriteNumber("day", day.Day);
                break;
            case DeadlineRule.WorkingDaysAfter working:
                writer.WriteString("kind", "working-days");
                writer.WriteNumber("workingDays", working.Days);
                break;
            case DeadlineRule.EndOfStartDay:
                writer.WriteString("kind", "end-of-day");
                break;
            case DeadlineRule.WeeksBefore weeks:
                writer.WriteString("kind", "weeks-before");
                writer.WriteNumber("weeks", weeks.Weeks);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(deadline), deadline.GetType().Name, "Unknown deadline rule kind.");
        }

        writer.WriteString("description", deadline.Describe());
        writer.WriteEndObject();
    }
}
