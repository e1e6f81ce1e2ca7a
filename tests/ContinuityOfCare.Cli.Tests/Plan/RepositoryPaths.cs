namespace ContinuityOfCare.Cli.Tests.Plan;

/// <summary>Finds the repository root (the folder holding ContinuityOfCare.sln) by walking up from the test assembly.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string GoldenPlan => Path.Combine(Root, "tests", "ContinuityOfCare.Cli.Tests", "Plan", "plan-golden.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContinuityOfCare.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ContinuityOfCare.sln not found above the test assembly");
    }
}
