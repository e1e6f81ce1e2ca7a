using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

/// <summary>One Azurite for the state store tests (their own collection, so they run beside the host tests).</summary>
[CollectionDefinition(Name)]
public sealed class StateAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "StateAzurite";
}
