using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Operations;

/// <summary>One Azurite for the operations-command tests.</summary>
[CollectionDefinition(Name)]
public sealed class OperationsAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Operations Azurite";
}
