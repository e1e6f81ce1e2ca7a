using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>Every console test shares one world (one hub, one browser) and runs one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleWorld>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Console";
}
