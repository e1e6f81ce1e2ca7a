namespace ContinuityOfCare.Cli.Demo;

/// <summary>Finds the repository (the folder holding ContinuityOfCare.sln) and its node_modules tools.</summary>
internal static class RepositoryLayout
{
    /// <summary>The repository root above the current directory or the tool's own folder, or null.</summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>The path of an npm tool's launcher in <c>node_modules/.bin</c>.</summary>
    public static string NodeTool(string root, string name) =>
        Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? name + ".cmd" : name);
}
