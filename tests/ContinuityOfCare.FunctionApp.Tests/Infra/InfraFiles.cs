using System.Text.Json;
using System.Text.RegularExpressions;

namespace ContinuityOfCare.FunctionApp.Tests.Infra;

/// <summary>
/// Reads infra/main.bicep, infra/main.parameters.json and the function.json files from the repository (the Bicep CLI
/// is not obtainable here, so the template's invariants are checked by reading its text).
/// </summary>
internal static partial class InfraFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string Bicep => File.ReadAllText(Path.Combine(RepositoryRoot, "infra", "main.bicep"));

    public static string Parameters => File.ReadAllText(Path.Combine(RepositoryRoot, "infra", "main.parameters.json"));

    /// <summary>
    /// The single-quoted strings of a Bicep <c>var name = …</c> declaration (up to the next declaration, comment or blank
    /// line), following references to other <c>…Names</c> vars.
    /// </summary>
    public static IReadOnlyList<string> StringsOfVar(string bicep, string name) => StringsOfVar(bicep, name, []);

    private static List<string> StringsOfVar(string bicep, string name, HashSet<string> visiting)
    {
        var declaration = $"var {name} =";
        var start = bicep.IndexOf(declaration, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"main.bicep declares no var {name}");
        }

        if (!visiting.Add(name))
        {
            throw new InvalidOperationException($"var {name} refers to itself");
        }

        var body = bicep[(start + declaration.Length)..];
        var end = DeclarationEnd().Match(body);
        var block = end.Success ? body[..end.Index] : body;
        var strings = QuotedString().Matches(block).Select(m => m.Groups[1].Value).ToList();
        foreach (var reference in NamesVarReference().Matches(block).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            strings.AddRange(StringsOfVar(bicep, reference, visiting));
        }

        visiting.Remove(name);
        return strings;
    }

    /// <summary>Every binding of every function.json under the function app's Functions folder.</summary>
    public static IReadOnlyList<JsonElement> FunctionBindings()
    {
        var folder = Path.Combine(RepositoryRoot, "functions", "ContinuityOfCare.Hub", "Functions");
        var bindings = new List<JsonElement>();
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "function.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("bindings", out var list))
            {
                bindings.AddRange(list.EnumerateArray().Select(b => b.Clone()));
            }
        }

        return bindings;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"No ContinuityOfCare.sln above {AppContext.BaseDirectory}: cannot find infra/.");
    }

    [GeneratedRegex("'([^'$]*)'")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\b[a-z][A-Za-z]*Names\b")]
    private static partial Regex NamesVarReference();

    [GeneratedRegex(@"\n(?:\s*\n|var |resource |param |output |//)")]
    private static partial Regex DeclarationEnd();
}
