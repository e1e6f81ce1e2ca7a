namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>The repository's root (the folder holding ContinuityOfCare.sln), where the committed samples live.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContinuityOfCare.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ContinuityOfCare.sln not found above the test assembly");
    }
}
