using Xunit;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ContinuityOfCare.Reliability;

/// <summary>The suite's tests run one at a time: each starts real processes and measures recovery in real time.</summary>
[CollectionDefinition(Name)]
public sealed class SuiteCollection
{
    public const string Name = "Reliability";
}
