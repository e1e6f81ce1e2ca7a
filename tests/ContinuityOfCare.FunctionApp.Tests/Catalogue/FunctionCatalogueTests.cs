using System.Diagnostics;
using ContinuityOfCare.Hub.Catalogue;
using ContinuityOfCare.Hub.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Catalogue;

/// <summary>function.json and host.json as both hosts read them (architecture.md "Hosting: one app, two hosts").</summary>
public sealed class FunctionCatalogueTests
{
    [Fact]
    public void Hosting_TheAppsFunctionJsonFiles_AreLaidOutOneFolderPerFunction()
    {
        var definitions = FunctionCatalogue.ReadDefinitions(AppContext.BaseDirectory);

        var directoryImport = definitions["DirectoryImport"];
        var trigger = directoryImport.Trigger;
        Assert.Equal(BindingTypes.BlobTrigger, trigger.Type);
        Assert.Equal("directory/{name}", trigger.Path);
        Assert.Equal("directory", trigger.BlobContainer);
        Assert.Equal("binary", trigger.DataType);
    }

    [Fact]
    public void HostJson_SettingsAreReadAndCanBeOverriddenTheFunctionsWay()
    {
        var plain = HostJsonSettings.Load(AppContext.BaseDirectory, new ConfigurationBuilder().Build());
        var overridden = HostJsonSettings.Load(AppContext.BaseDirectory, new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2" })
            .Build());

        Assert.Equal(5, plain.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(30), plain.VisibilityTimeout);
        Assert.Equal(16, plain.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(10), plain.FunctionTimeout);
        Assert.Equal(2, overridden.MaxDequeueCount);
    }

    [Theory]
    [InlineData("""{"bindings":[{"type":"queueTrigger","direction":"in","name":"m"}]}""", "no queueName")]
    [InlineData("""{"bindings":[{"type":"timerTrigger","direction":"in","name":"t","schedule":"0 7 * * *"}]}""", "six-field")]
    [InlineData("""{"bindings":[{"type":"blobTrigger","direction":"in","name":"b","path":"directory"}]}""", "container/{name}")]
    [InlineData("""{"bindings":[{"type":"serviceBusTrigger","direction":"in","name":"s"}]}""", "not supported")]
    [InlineData("""{"bindings":[{"type":"queue","direction":"out","name":"o","queueName":"q"}]}""", "exactly one trigger")]
    [InlineData("""{"bindings":""", "not valid JSON")]
    public void Hosting_InvalidFunctionJson_IsRefusedWithTheReason(string json, string reason)
    {
        var exception = Assert.Throws<InvalidDataException>(() => FunctionJsonReader.Parse("Broken", json));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hosting_FunctionJson_HttpAndTimerPropertiesAreRead()
    {
        var definition = FunctionJsonReader.Parse("Api", """
            {"bindings":[
              {"type":"httpTrigger","direction":"in","name":"req","methods":["get","post"],"route":"directory/{version}","authLevel":"function"},
              {"type":"http","direction":"out","name":"res"},
              {"type":"queue","direction":"out","name":"next","queueName":"route"}]}
            """);

        Assert.Equal(["GET", "POST"], definition.Trigger.Methods);
        Assert.Equal("directory/{version}", definition.Trigger.Route);
        Assert.Equal("res", definition.HttpOutput?.Name);
        Assert.Equal("route", Assert.Single(definition.QueueOutputs).QueueName);
    }

    [Fact]
    public void Hosting_Publish_CopiesHostJsonAndEachFunctionJsonToTheAppRoot()
    {
        // Evaluation only (no build): the items that publish copies, with the paths they land at.
        var project = Path.Combine(RepositoryRoot(), "functions", "ContinuityOfCare.Hub", "ContinuityOfCare.Hub.csproj");
        var start = new ProcessStartInfo("dotnet", ["msbuild", project, "-getItem:None", "-getItem:Content", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);

        using var document = System.Text.Json.JsonDocument.Parse(output);
        var items = document.RootElement.GetProperty("Items");
        var none = items.GetProperty("None").EnumerateArray().ToList();
        var published = none
            .Where(item => item.TryGetProperty("CopyToPublishDirectory", out var copy) && copy.GetString() == "PreserveNewest")
            .Select(item => item.GetProperty("Link").GetString()!.Replace('\\', '/'))
            .ToList();
        Assert.Contains("host.json", published);
        Assert.Contains("DirectoryImport/function.json", published);
        var content = items.TryGetProperty("Content", out var contentItems) ? contentItems.EnumerateArray().Select(item => item.GetProperty("Identity").GetString()!) : [];
        Assert.DoesNotContain(content, identity => identity.EndsWith("function.json", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ContinuityOfCare.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ContinuityOfCare.sln not found above the test assembly");
    }
}
