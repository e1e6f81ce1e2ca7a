using System.Globalization;
using Azure;
using Azure.Core;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>
/// Acquires, renews, releases and breaks a lease on a blob: the basis of singleton work (only the lease holder may
/// write or delete the blob, and a second acquire fails with 409 <see cref="StorageErrorCode.LeaseAlreadyPresent"/>).
/// </summary>
public class BlobLeaseClient
{
    /// <summary>A lease that never expires (until released or broken).</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly BlobClient _blob = null!;

    internal BlobLeaseClient(BlobClient blob, string? leaseId)
    {
        _blob = blob;
        LeaseId = leaseId ?? Guid.NewGuid().ToString("D");
    }

    /// <summary>For substitution in tests.</summary>
    protected BlobLeaseClient()
    {
        LeaseId = string.Empty;
    }

    /// <summary>The lease id this client acquires (proposed) or holds.</summary>
    public virtual string LeaseId { get; private set; }

    /// <summary>Acquires the lease.</summary>
    /// <param name="duration">15 to 60 seconds (whole seconds), or <see cref="InfiniteLeaseDuration"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is out of range.</exception>
    /// <exception cref="RequestFailedException">409 <see cref="StorageErrorCode.LeaseAlreadyPresent"/> when someone else holds it; 404 for a missing blob.</exception>
    public virtual async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        string seconds;
        if (duration == InfiniteLeaseDuration)
        {
            seconds = "-1";
        }
        else if (duration >= TimeSpan.FromSeconds(15) && duration <= TimeSpan.FromSeconds(60) && duration.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            seconds = ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15 to 60 whole seconds, or is infinite.");
        }

        using var message = CreateMessage("acquire");
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds);
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        var response = await _blob.Pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        if (response.Headers.TryGetValue("x-ms-lease-id", out var granted))
        {
            LeaseId = granted;
        }

        return Response.FromValue(Lease(response), response);
    }

    /// <summary>Renews the lease for its original duration.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lease.</returns>
    /// <exception cref="RequestFailedException">409 when the lease was released, broken or taken by another id.</exception>
    public virtual async Task<Response<BlobLease>> RenewAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage("renew");
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = await _blob.Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(Lease(response), response);
    }

    /// <summary>Releases the lease so another holder can acquire it at once.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response.</returns>
    /// <exception cref="RequestFailedException">409 when this id does not hold the lease.</exception>
    public virtual async Task<Response> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage("release");
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        return await _blob.Pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
    }

    /// <summary>Breaks the lease (no lease id needed): after the break period nobody holds it.</summary>
    /// <param name="breakPeriod">0 to 60 whole seconds; null breaks a fixed lease when it expires and an infinite one at once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The lease with the remaining break time.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="breakPeriod"/> is out of range.</exception>
    /// <exception cref="RequestFailedException">409 when there is no lease to break, or any other refusal.</exception>
    public virtual async Task<Response<BlobLease>> BreakAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage("break");
        if (breakPeriod is { } period)
        {
            if (period < TimeSpan.Zero || period > TimeSpan.FromSeconds(60) || period.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(breakPeriod), breakPeriod, "A break period is 0 to 60 whole seconds.");
            }

            message.Request.Headers.SetValue("x-ms-lease-break-period", ((int)period.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }

        var response = await _blob.Pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
        return Response.FromValue(Lease(response), response);
    }

    private HttpMessage CreateMessage(string action)
    {
        var message = _blob.Pipeline.CreateMessage(RequestMethod.Put, new Uri(_blob.Uri.AbsoluteUri + "?comp=lease"));
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        return message;
    }

    private static BlobLease Lease(Response response)
    {
        response.Headers.TryGetValue("x-ms-lease-id", out var leaseId);
        TimeSpan? remaining = response.Headers.TryGetValue("x-ms-lease-time", out var time)
            ? TimeSpan.FromSeconds(int.Parse(time, CultureInfo.InvariantCulture))
            : null;
        return new BlobLease(leaseId ?? string.Empty, response.Headers.ETag ?? default, BlobResponseHeaders.LastModified(response), remaining);
    }
}
