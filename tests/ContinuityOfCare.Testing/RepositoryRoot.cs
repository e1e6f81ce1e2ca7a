namespace ContinuityOfCare.Testing;

/// <summary>The repository holding the running test assembly: the first ancestor of its folder with <c>ContinuityOfCare.sln</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>The repository's root folder.</summary>
    /// <exception cref="InvalidOperationException">No repository above the test assembly.</exception>
    public static string Path => Found.Value;

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No ContinuityOfCare.sln above {AppContext.BaseDirectory}: cannot find the repository.");
    }
}
