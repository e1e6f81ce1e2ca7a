namespace ContinuityOfCare.FunctionApp.Catalogue;

/// <summary>
/// Ties a function name to its class (registered in DI as a keyed <see cref="Invocation.IHubFunction"/>), optionally
/// with a definition that takes the place of a <c>function.json</c> file (used by tests for test-only functions).
/// </summary>
/// <param name="Name">The function name.</param>
/// <param name="FunctionType">The class.</param>
/// <param name="Definition">A definition supplied in code, or null to read <c>{Name}/function.json</c>.</param>
public sealed record FunctionRegistration(string Name, Type FunctionType, FunctionDefinition? Definition = null);
