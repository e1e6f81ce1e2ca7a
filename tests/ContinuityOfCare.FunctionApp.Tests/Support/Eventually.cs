namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>Waits for a condition that a background host brings about (a bound, not an assertion on timing).</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns a value or the bound passes (then fails with <paramref name="what"/>).</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? bound = null)
        where T : class
    {
        using var limit = new CancellationTokenSource(bound ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await probe().ConfigureAwait(false) is { } value)
            {
                return value;
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
