using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ContinuityOfCare.Infra.Tests;

/// <summary>
/// infra/main.bicep compiles and lints clean with the real Bicep CLI, and the harness would notice if it did not.
/// </summary>
public sealed partial class BicepCliTests
{
    [Fact]
    public async Task Build_MainBicep_CompilesToAnArmTemplateWithNothingOnStderr()
    {
        var result = await CompiledTemplate.BuildAsync();

        Assert.True(result.ExitCode == 0, result.Transcript);
        Assert.True(result.StandardError.Length == 0, result.Transcript);
        using var template = JsonDocument.Parse(result.StandardOutput);
        Assert.Contains("deploymentTemplate.json", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(template.RootElement.GetProperty("resources").EnumerateArray());
    }

    [Fact]
    public async Task Lint_MainBicep_PrintsNoWarningOrError()
    {
        var result = await BicepCli.RunAsync(InfraFiles.InfraFolder, "lint", InfraFiles.BicepPath);

        Assert.True(result.ExitCode == 0, result.Transcript);
        Assert.DoesNotMatch(Diagnostic(), result.StandardOutput + result.StandardError);
        Assert.True((result.StandardOutput + result.StandardError).Trim().Length == 0, result.Transcript);
    }

    [Fact]
    public async Task Lint_PlantedUnusedParameter_IsReportedAsAnErrorUnderTheProjectsConfig()
    {
        using var folder = new TemporaryFolder();
        File.Copy(InfraFiles.BicepConfigPath, Path.Combine(folder.Path, "bicepconfig.json"));
        var file = Path.Combine(folder.Path, "planted.bicep");
        await File.WriteAllTextAsync(file, "param unused string\n\noutput answer int = 42\n");

        var result = await BicepCli.RunAsync(folder.Path, "lint", file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(Diagnostic(), result.StandardOutput + result.StandardError);
        Assert.Contains("Error no-unused-params", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_PlantedTypeError_FailsWithADiagnosticOnStderr()
    {
        using var folder = new TemporaryFolder();
        var file = Path.Combine(folder.Path, "broken.bicep");
        await File.WriteAllTextAsync(file, "param count int = 'three'\n\noutput doubled int = count * 2\n");

        var result = await BicepCli.RunAsync(folder.Path, "build", file, "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(Diagnostic(), result.StandardError);
    }

    /// <summary>How the CLI prints a diagnostic: <c>file(line,column) : Warning|Error code: message</c>.</summary>
    [GeneratedRegex(@"\b(Warning|Error)\b")]
    private static partial Regex Diagnostic();
}
