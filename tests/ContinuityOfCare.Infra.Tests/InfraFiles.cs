using System.Text.RegularExpressions;

namespace ContinuityOfCare.Infra.Tests;

/// <summary>Reads infra/main.bicep, infra/main.parameters.json and infra/bicepconfig.json from the repository.</summary>
internal static partial class InfraFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string RepositoryRoot => Root.Value;

    public static string InfraFolder => System.IO.Path.Combine(RepositoryRoot, "infra");

    public static string BicepPath => System.IO.Path.Combine(InfraFolder, "main.bicep");

    public static string Bicep => File.ReadAllText(BicepPath);

    public static string Parameters => File.ReadAllText(System.IO.Path.Combine(InfraFolder, "main.parameters.json"));

    public static string BicepConfigPath => System.IO.Path.Combine(InfraFolder, "bicepconfig.json");

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

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
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
