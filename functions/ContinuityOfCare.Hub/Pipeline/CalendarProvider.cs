using Azure;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Ingestion.BankHolidays;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The working-day calendar in force (docs/domain.md "Time, days and the 24-hour rule"): the bank-holiday file last loaded
/// from the <c>calendar</c> inbox (<see cref="PipelineBlobs.CurrentCalendar"/>) when there is one, else the snapshot
/// shipped with the hub. Cached for a minute; a load through <see cref="ReplaceAsync"/> takes effect at once here.
/// </summary>
public class CalendarProvider(HubStorage storage, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkingCalendar? _cached;
    private DateTimeOffset _loadedAt;

    /// <summary>The calendar in force.</summary>
    /// <exception cref="BankHolidayFileException">The stored file cannot be used (it was checked when loaded, so only if tampered with).</exception>
    public virtual async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is not null && time.GetUtcNow() - _loadedAt < CacheFor)
            {
                return _cached;
            }

            _cached = await LoadAsync(cancellationToken).ConfigureAwait(false);
            _loadedAt = time.GetUtcNow();
            return _cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Makes <paramref name="content"/> (a GOV.UK bank-holidays file, already parsed into <paramref name="candidate"/>)
    /// the calendar in force when it covers a later last year than the current one. Returns true when it replaced it.
    /// </summary>
    public virtual async Task<bool> ReplaceAsync(ReadOnlyMemory<byte> content, WorkingCalendar candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var current = await GetAsync(cancellationToken).ConfigureAwait(false);
        if (candidate.LastCoveredYear <= current.LastCoveredYear)
        {
            return false;
        }

        var container = storage.Container(InboxContainers.Processed);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await container.GetBlobClient(PipelineBlobs.CurrentCalendar).UploadAsync(stream, overwrite: true, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _cached = candidate;
            _loadedAt = time.GetUtcNow();
        }
        finally
        {
            _gate.Release();
        }

        return true;
    }

    private async Task<WorkingCalendar> LoadAsync(CancellationToken cancellationToken)
    {
        var blob = storage.Container(InboxContainers.Processed).GetBlobClient(PipelineBlobs.CurrentCalendar);
        try
        {
            var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            using (download)
            {
                return WorkingCalendar.FromHolidays(await BankHolidayFileParser.ParseAsync(download.Content, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return await BankHolidayCalendarLoader.LoadSnapshotAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
