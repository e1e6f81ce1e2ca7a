namespace ContinuityOfCare.Testing;

/// <summary>The repository the running test or tool assembly was built from: the first ancestor folder of the assembly holding <c>ContinuityOfCare.sln</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root's full path.</summary>
    /// <exception cref="InvalidOperationException">No ancestor of the assembly's folder holds ContinuityOfCare.sln.</exception>
    public static string Path
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "ContinuityOfCare.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No ContinuityOfCare.sln above {AppContext.BaseDirectory}: run from within the repository.");
        }
    }
}
