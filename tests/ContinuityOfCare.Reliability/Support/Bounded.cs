using System.Diagnostics;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>Waits with a bound: every wait of the suite ends, with a message saying what did not happen.</summary>
internal static class Bounded
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what, CancellationToken cancellationToken, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"gave up after {within.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }
}
