using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Retention;

/// <summary>One Azurite for the retention tests.</summary>
[CollectionDefinition(Name)]
public sealed class RetentionAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "RetentionAzurite";
}
