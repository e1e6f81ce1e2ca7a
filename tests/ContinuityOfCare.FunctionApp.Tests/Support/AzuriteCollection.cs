using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>One Azurite for the tests of this assembly that need storage.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Azurite";
}
