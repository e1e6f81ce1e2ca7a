namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>A blob that arrived in an inbox container.</summary>
/// <param name="Container">The container (from the trigger path <c>container/{name}</c>).</param>
/// <param name="Name">The blob name.</param>
/// <param name="Content">The blob's bytes.</param>
public sealed record BlobTriggerInput(string Container, string Name, ReadOnlyMemory<byte> Content) : TriggerInput;
