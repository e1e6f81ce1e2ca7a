using NodaTime;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// Where the open index's every-team rows end, as last seen in this process: the start of the UTC day after the latest
/// not-yet-closed obligation's due instant. Table storage reads ascending only, so the first page of every team's
/// latest-first list must know where the rows end to read just the last of them; finding it costs a dozen one-row
/// queries, remembering it one. Only a hint: that page reads from a day before it to the end of the index, so rows due
/// later than it are still listed (and it moves to them), and it is forgotten when nothing is found there.
/// </summary>
public sealed class OpenIndexEnd
{
    private const long Unknown = long.MinValue;
    private long _unixTicks = Unknown;

    /// <summary>The start of the UTC day after the latest due instant seen; null until a page has looked.</summary>
    public Instant? Above => Volatile.Read(ref _unixTicks) is var ticks && ticks != Unknown ? Instant.FromUnixTimeTicks(ticks) : null;

    /// <summary>Remembers where the rows end (null: forget, look again next time).</summary>
    public void Seen(Instant? above) => Volatile.Write(ref _unixTicks, above is { } instant ? instant.ToUnixTimeTicks() : Unknown);
}
