using ContinuityOfCare.Core.Time;

namespace ContinuityOfCare.Ingestion.BankHolidays;

/// <summary>
/// Builds the <see cref="WorkingCalendar"/> from a refreshed GOV.UK file when one is configured, else from the
/// snapshot shipped inside this assembly (<c>BankHolidays/england-and-wales.json</c>, 2025–2028). The calendar
/// covers exactly the first..last year the file lists.
/// </summary>
public static class BankHolidayCalendarLoader
{
    /// <summary>The configuration key for a refreshed file (the host binds it; <c>coc</c> has <c>--bank-holidays</c>).</summary>
    public const string FileConfigurationKey = "BankHolidays:File";

    /// <summary>The manifest name of the shipped snapshot.</summary>
    public const string SnapshotResourceName = "ContinuityOfCare.Ingestion.BankHolidays.england-and-wales.json";

    /// <summary>The calendar from <paramref name="path"/>, or from the shipped snapshot when it is null or blank.</summary>
    /// <exception cref="BankHolidayFileException">The file cannot be used.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<WorkingCalendar> LoadAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return await LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return WorkingCalendar.FromHolidays(await BankHolidayFileParser.ParseAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>The calendar from the snapshot shipped in this assembly.</summary>
    public static async Task<WorkingCalendar> LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        var stream = typeof(BankHolidayCalendarLoader).Assembly.GetManifestResourceStream(SnapshotResourceName)
            ?? throw new InvalidOperationException($"The bank-holidays snapshot resource {SnapshotResourceName} is missing from the build.");
        await using (stream.ConfigureAwait(false))
        {
            return WorkingCalendar.FromHolidays(await BankHolidayFileParser.ParseAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }
}
