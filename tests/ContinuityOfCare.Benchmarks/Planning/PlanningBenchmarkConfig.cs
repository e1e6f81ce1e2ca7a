using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ContinuityOfCare.Benchmarks.Planning;

/// <summary>
/// A short job (1 warm-up, 3 measured single invocations: each operation takes seconds) so the whole class finishes in
/// about ten minutes on two cores, and a generous build timeout: on a busy shared machine the auto-generated project can
/// take longer than BenchmarkDotNet's default two minutes to build.
/// </summary>
internal sealed class PlanningBenchmarkConfig : ManualConfig
{
    public PlanningBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1));
        WithBuildTimeout(TimeSpan.FromMinutes(15));
    }
}
