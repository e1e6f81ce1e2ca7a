using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests run one at a time (each starts its own Azurite, maildev and hub; in parallel they would only
/// compete for the two cores and stretch every wait).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "EndToEnd";
}
