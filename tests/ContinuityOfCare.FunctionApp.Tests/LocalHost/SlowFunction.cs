using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Tests.LocalHost;

/// <summary>Queue <c>%SlowInput%</c>: runs until the test releases it, counting its invocations.</summary>
public sealed class SlowFunction(SlowFunction.Gate gate)
{
    [Function("Slow")]
    public async Task RunAsync([QueueTrigger("%SlowInput%")] string message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref gate.Invocations);
        gate.Started.TrySetResult();
        await gate.Release.Task.WaitAsync(cancellationToken);
    }

    /// <summary>What the test and the function share.</summary>
    public sealed class Gate
    {
        public int Invocations;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
