using System.Diagnostics;
using System.Reflection;

namespace ContinuityOfCare.Infra.Tests;

/// <summary>
/// The real Bicep CLI, restored by this project's <c>PackageDownload</c> of Azure.Bicep.CommandLine.linux-x64: the
/// template is compiled and linted by the tool Azure uses, not only read as text. The csproj passes the binary's path
/// in as assembly metadata, so the tests need neither the az CLI nor anything outside the NuGet cache.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> Binary = new(Locate);

    /// <summary>The path of the bicep executable, with its execute bit set.</summary>
    public static string Path => Binary.Value;

    /// <summary>Runs <c>bicep</c> with the given arguments in <paramref name="workingDirectory"/>.</summary>
    public static async Task<BicepResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}");
        }

        return new BicepResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value
            ?? throw new InvalidOperationException("the test assembly carries no BicepPath metadata: see ContinuityOfCare.Infra.Tests.csproj");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the Bicep CLI is not at {path}: run `dotnet restore` on this project (PackageDownload Azure.Bicep.CommandLine.linux-x64)", path);
        }

        // The package is the linux-x64 build of the CLI, the one this project's machines and CI run.
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the restored Bicep CLI (Azure.Bicep.CommandLine.linux-x64) runs on Linux only");
        }

        // NuGet extracts package files without their Unix permissions on some machines.
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
