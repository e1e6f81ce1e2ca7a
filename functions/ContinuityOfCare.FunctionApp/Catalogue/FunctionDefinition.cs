namespace ContinuityOfCare.FunctionApp.Catalogue;

/// <summary>One function: its name (the folder name, and the custom handler route <c>POST /{Name}</c>) and its bindings.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Bindings">The bindings of its <c>function.json</c>, in file order.</param>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    /// <summary>The single trigger binding.</summary>
    public BindingDefinition Trigger => Bindings.Single(binding => binding.IsTrigger);

    /// <summary>The queue output bindings.</summary>
    public IEnumerable<BindingDefinition> QueueOutputs =>
        Bindings.Where(binding => binding.IsOutput && binding.Type.Equals(BindingTypes.Queue, StringComparison.OrdinalIgnoreCase));

    /// <summary>The HTTP response output binding, when the function has one.</summary>
    public BindingDefinition? HttpOutput =>
        Bindings.FirstOrDefault(binding => binding.IsOutput && binding.Type.Equals(BindingTypes.Http, StringComparison.OrdinalIgnoreCase));
}
