namespace ContinuityOfCare.Reliability.Support;

/// <summary>Paths the suite needs: the repository root, a tool of its <c>node_modules/.bin</c>, and <c>coc.dll</c> built beside the tests.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string CocDll => Path.Combine(AppContext.BaseDirectory, "coc.dll");

    public static string Tool(string name)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", name);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{name} is not installed ({path} is missing). Run `npm ci` in {Root} first.");
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No ContinuityOfCare.sln above {AppContext.BaseDirectory}.");
    }
}
