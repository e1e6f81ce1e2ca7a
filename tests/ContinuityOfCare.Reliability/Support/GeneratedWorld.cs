using ContinuityOfCare.Ingestion.Samples;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>A sample world (the <c>coc samples generate</c> generator, deterministic for its seed) written to a folder.</summary>
internal sealed record GeneratedWorld(SampleWorld World, string Folder)
{
    public string DirectoryFile => Path.Combine(Folder, "directory.csv");

    public string ClientsFile => Path.Combine(Folder, "clients.csv");

    /// <summary>Feed files by inbox container, in the order the main job drops them.</summary>
    public IReadOnlyList<(string Container, string Path)> Feeds =>
    [
        .. Files("court-lists", "court-lists"), .. Files("court-results", "court-results"), .. Files("discharges", "discharges"),
    ];

    public static async Task<GeneratedWorld> WriteAsync(SampleSettings settings, string folder)
    {
        var world = SampleWorldGenerator.Generate(settings);
        await SampleFileWriter.WriteAsync(world, folder).ConfigureAwait(false);
        return new GeneratedWorld(world, folder);
    }

    /// <summary>
    /// The main job's bundled <c>samples/</c>: generated with seed 42, 40 clients and 60 defendants (samples/README.md;
    /// a test keeps them byte-identical to the generator's output), so the generator's world is their known content.
    /// </summary>
    public static GeneratedWorld Bundled() =>
        new(SampleWorldGenerator.Generate(new SampleSettings(42, 40, 60)), Path.Combine(Repository.Root, "samples"));

    private IEnumerable<(string, string)> Files(string folder, string container)
    {
        var path = Path.Combine(Folder, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path).Order(StringComparer.Ordinal).Select(file => (container, file)) : [];
    }
}
