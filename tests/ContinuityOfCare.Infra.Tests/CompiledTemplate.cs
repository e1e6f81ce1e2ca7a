using System.Text.Json;

namespace ContinuityOfCare.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to its ARM JSON by the real Bicep CLI, once per test run: structural checks read the
/// resources as Azure receives them (comments gone, properties where the compiler put them).
/// </summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<Task<BicepResult>> Build = new(
        () => BicepCli.RunAsync(InfraFiles.InfraFolder, "build", InfraFiles.BicepPath, "--stdout"));

    /// <summary>The result of <c>bicep build infra/main.bicep --stdout</c>.</summary>
    public static Task<BicepResult> BuildAsync() => Build.Value;

    /// <summary>The compiled template; fails when the build did.</summary>
    public static async Task<JsonElement> JsonAsync()
    {
        var result = await BuildAsync().ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed:\n{result.Transcript}");
        }

        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary>The resources of the given type (at least one, or the test fails here).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ResourcesAsync(string type)
    {
        var template = await JsonAsync().ConfigureAwait(false);
        var resources = template.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == type)
            .ToList();
        return resources.Count > 0 ? resources : throw new InvalidOperationException($"the template declares no {type}");
    }

    /// <summary>The single resource of the given type.</summary>
    public static async Task<JsonElement> ResourceAsync(string type) => (await ResourcesAsync(type).ConfigureAwait(false)).Single();

    /// <summary>A nested property by path, e.g. <c>Path(site, "properties", "functionAppConfig")</c>.</summary>
    public static JsonElement Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            element = element.TryGetProperty(name, out var next)
                ? next
                : throw new InvalidOperationException($"no property '{name}' on the way to {string.Join('.', names)}");
        }

        return element;
    }
}
