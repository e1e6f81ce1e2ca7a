using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>Paths the suite needs: the repository root and <c>coc.dll</c> built beside the tests.</summary>
internal static class Repository
{
    public static string Root => RepositoryRoot.Path;

    public static string CocDll => Path.Combine(AppContext.BaseDirectory, "coc.dll");
}
