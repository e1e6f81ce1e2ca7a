namespace ContinuityOfCare.Infra.Tests;

/// <summary>A folder under the system temp folder, deleted on dispose: where planted templates are linted.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("coc-infra-tests-").FullName;
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
