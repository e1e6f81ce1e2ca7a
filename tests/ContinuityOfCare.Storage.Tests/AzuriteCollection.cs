using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests;

/// <summary>One Azurite process for every conformance test class in this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name for <c>[Collection(AzuriteCollection.Name)]</c>.</summary>
    public const string Name = "Azurite";
}
