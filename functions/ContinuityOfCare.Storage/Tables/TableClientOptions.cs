using Azure.Core;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// Options for <see cref="TableServiceClient"/> and <see cref="TableClient"/>: retries (<see cref="ClientOptions.Retry"/>,
/// including the network timeout), diagnostics/logging and transport come from Azure.Core.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    /// <summary>The Table service REST API version sent as <c>x-ms-version</c>.</summary>
    public const string ServiceVersion = "2019-02-02";
}
