using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The client register's matching index, loaded whole for a run (architecture.md "State": the matching index is
/// compact and loaded whole, not queried per defendant) and reused for <see cref="PipelineOptions.RegisterCacheTtl"/>
/// so a burst of route messages does not reload 100,000 clients each. A register import in this process clears it.
/// </summary>
public class RegisterCache(ClientRegisterStore register, TimeProvider time, IOptions<PipelineOptions> options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatchingIndex? _index;
    private DateTimeOffset _loadedAt;
    private long _generation;

    /// <summary>The index of the register as stored now (or at most the TTL ago).</summary>
    public virtual async Task<MatchingIndex> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is not null && time.GetUtcNow() - _loadedAt < options.Value.RegisterCacheTtl)
            {
                return _index;
            }

            var generation = Interlocked.Read(ref _generation);
            var clients = await register.LoadAllByBucketAsync(cancellationToken).ConfigureAwait(false);
            var index = MatchingIndex.Build(clients);
            if (generation == Interlocked.Read(ref _generation))
            {
                _index = index;
                _loadedAt = time.GetUtcNow();
            }

            return index;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the loaded register (after an import), so the next route reads it again.</summary>
    public virtual void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _index = null;
    }
}
