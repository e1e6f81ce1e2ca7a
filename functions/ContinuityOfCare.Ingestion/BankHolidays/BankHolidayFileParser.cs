using System.Globalization;
using System.Text.Json;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.Common;
using NodaTime.Text;

namespace ContinuityOfCare.Ingestion.BankHolidays;

/// <summary>
/// Reads the GOV.UK bank-holidays JSON (formats.md §6) and keeps only the <c>england-and-wales</c> division
/// (docs/domain.md "Time, days and the 24-hour rule"). Other divisions are ignored. The file is small (a few KB), so it is
/// read whole into a <see cref="JsonDocument"/> under a size cap.
/// </summary>
public static class BankHolidayFileParser
{
    /// <summary>The division the hub uses.</summary>
    public const string Division = "england-and-wales";

    /// <summary>The size cap: GOV.UK's full feed (three divisions, ~10 years) is about 20 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string DivisionPath = "$['england-and-wales']";

    /// <summary>Parses the holidays of <paramref name="stream"/>, in date order.</summary>
    /// <exception cref="BankHolidayFileException">The file cannot be used (the message says why and where).</exception>
    public static async Task<IReadOnlyList<BankHoliday>> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = await ReadCappedAsync(stream, cancellationToken).ConfigureAwait(false);
        return Parse(bytes);
    }

    /// <summary>Parses the holidays of a file already in memory, in date order.</summary>
    /// <exception cref="BankHolidayFileException">The file cannot be used (the message says why and where).</exception>
    public static IReadOnlyList<BankHoliday> Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            throw new BankHolidayFileException($"The bank-holidays file: {FileChecks.TooLarge(MaxBytes)}.");
        }

        // The JSON reader checks UTF-8 only in the strings it decodes, and then throws InvalidOperationException: check
        // the whole file first, so damaged bytes anywhere get the documented refusal.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json.Span))
        {
            throw new BankHolidayFileException($"The bank-holidays file: {FileChecks.NotUtf8}.");
        }

        // formats.md: UTF-8 with or without a BOM.
        if (utf8Json.Span.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new BankHolidayFileException("The bank-holidays file is empty.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            throw new BankHolidayFileException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The bank-holidays file is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})."),
                exception);
        }

        using (document)
        {
            return ReadDivision(document.RootElement);
        }
    }

    private static List<BankHoliday> ReadDivision(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new BankHolidayFileException("The bank-holidays file must be a JSON object keyed by division (the GOV.UK format).", "$");
        }

        if (!root.TryGetProperty(Division, out var division))
        {
            throw new BankHolidayFileException($"The bank-holidays file has no \"{Division}\" division.", "$");
        }

        if (division.ValueKind != JsonValueKind.Object)
        {
            throw new BankHolidayFileException($"The \"{Division}\" division must be an object.", DivisionPath);
        }

        if (division.TryGetProperty("division", out var name)
            && (name.ValueKind != JsonValueKind.String || name.GetString() != Division))
        {
            throw new BankHolidayFileException($"The division's \"division\" field must be \"{Division}\".", DivisionPath + ".division");
        }

        if (!division.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new BankHolidayFileException("The division must have an \"events\" array.", DivisionPath + ".events");
        }

        var holidays = new List<BankHoliday>();
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            holidays.Add(ReadEvent(item, string.Create(CultureInfo.InvariantCulture, $"{DivisionPath}.events[{index}]")));
            index++;
        }

        if (holidays.Count == 0)
        {
            throw new BankHolidayFileException("The division lists no events, so it covers no year.", DivisionPath + ".events");
        }

        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        CheckNoYearMissing(holidays);
        return holidays;
    }

    private static BankHoliday ReadEvent(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new BankHolidayFileException("Each event must be an object with \"title\" and \"date\".", path);
        }

        var dateText = RequiredString(item, "date", path);
        var parsed = LocalDatePattern.Iso.Parse(dateText);
        if (!parsed.Success || dateText.Length != 10)
        {
            throw new BankHolidayFileException($"The date \"{dateText}\" is not a YYYY-MM-DD calendar date.", path + ".date");
        }

        var title = RequiredString(item, "title", path);
        var notes = item.TryGetProperty("notes", out var notesElement) && notesElement.ValueKind == JsonValueKind.String
            ? notesElement.GetString() ?? string.Empty
            : string.Empty;
        return new BankHoliday(parsed.Value, title.Trim(), notes.Trim());
    }

    private static string RequiredString(JsonElement item, string property, string path)
    {
        if (!item.TryGetProperty(property, out var element) || element.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw new BankHolidayFileException($"The event has no \"{property}\" text.", $"{path}.{property}");
        }

        return element.GetString()!;
    }

    /// <summary>
    /// The calendar covers first..last year present; a year with no holiday in between would be a silent guess
    /// (every real England-and-Wales year has eight), so it rejects the file.
    /// </summary>
    private static void CheckNoYearMissing(List<BankHoliday> sortedHolidays)
    {
        var years = sortedHolidays.Select(h => h.Date.Year).ToHashSet();
        for (var year = sortedHolidays[0].Date.Year; year <= sortedHolidays[^1].Date.Year; year++)
        {
            if (!years.Contains(year))
            {
                throw new BankHolidayFileException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"The division lists no holiday in {year}, between {sortedHolidays[0].Date.Year} and {sortedHolidays[^1].Date.Year}; the calendar cannot guess that year."),
                    DivisionPath + ".events");
            }
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadCappedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BankHolidayFileException($"The bank-holidays file: {FileChecks.TooLarge(MaxBytes)}.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
