using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using ContinuityOfCare.Hub.Console;

namespace ContinuityOfCare.FunctionApp.Console;

/// <summary>
/// The console's static assets, embedded in this assembly at build time from the repository's <c>node_modules</c>
/// (GOV.UK Frontend and MoJ Frontend, pinned in package.json) and <c>Console/assets</c>: no CDN, and every host of
/// the function app (Azure, the local runner, tests) serves the same bytes. The compiled CSS refers to fonts and
/// images under <c>/assets/</c>; those references are rewritten once to <see cref="ConsolePaths.Assets"/>.
/// </summary>
public static class ConsoleAssets
{
    private const string ResourcePrefix = "console-assets/";

    private static readonly Lazy<FrozenDictionary<string, (byte[] Content, string ContentType)>> Files = new(Load);

    /// <summary>The asset at <paramref name="path"/> (below the assets root), or null.</summary>
    public static (byte[] Content, string ContentType)? Find(string? path) =>
        path is not null && Files.Value.TryGetValue(path.Trim('/'), out var file) ? file : null;

    /// <summary>Every asset's path (tests, documentation).</summary>
    public static IEnumerable<string> Paths => Files.Value.Keys;

    private static FrozenDictionary<string, (byte[] Content, string ContentType)> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var path = name[ResourcePrefix.Length..];
            var content = copy.ToArray();
            if (path.EndsWith(".css", StringComparison.Ordinal))
            {
                content = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace("url(/assets/", $"url({ConsolePaths.Assets}/", StringComparison.Ordinal));
            }

            files[path] = (content, ContentType(path));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };
}
