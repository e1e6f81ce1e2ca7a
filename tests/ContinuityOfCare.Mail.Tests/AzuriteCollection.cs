using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>One Azurite process for every outbox test class in this assembly (each test makes its own tables).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
