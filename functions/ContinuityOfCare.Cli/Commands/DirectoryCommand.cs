using System.CommandLine;
using ContinuityOfCare.Hub.Directory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc directory import FILE [--force] [--connection-string …]</c>: imports a SPOC directory CSV exactly as the
/// <c>DirectoryImport</c> function does (formats.md §4) and prints the report. Exit codes: 0 accepted or unchanged,
/// 1 rejected (the previous version stays live), 2 unreadable file or no storage connection, 4 storage unreachable or
/// refusing (docs/cli.md).
/// </summary>
internal static class DirectoryCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The SPOC directory CSV (formats.md §4)" };
        var force = new Option<bool>("--force") { Description = "Allow a refresh that removes more than the configured share of entries" };
        var connection = new Option<string?>("--connection-string")
        {
            Description = "Storage connection string (default: the AzureWebJobsStorage environment variable)",
        };
        var verbose = StorageTrouble.VerboseOption();
        var import = new Command("import", "Import a SPOC directory file as a new version (or report why not)");
        import.Arguments.Add(file);
        import.Options.Add(force);
        import.Options.Add(connection);
        import.Options.Add(verbose);
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file)!;
            var connectionString = parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await error.WriteLineAsync("No storage connection: pass --connection-string or set AzureWebJobsStorage.").ConfigureAwait(false);
                return 2;
            }

            if (InputFile.Problem(path.FullName) is { } problem)
            {
                await error.WriteLineAsync($"coc directory import: cannot read {problem}.").ConfigureAwait(false);
                return 2;
            }

            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot read {path.Name}: {exception.GetType().Name}").ConfigureAwait(false);
                return 2;
            }

            var configuration = new ConfigurationBuilder()
                .AddEnvironmentVariables()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString })
                .Build();
            await using var services = new ServiceCollection()
                .AddSingleton<IConfiguration>(configuration)
                .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
                .AddDirectoryImport()
                .BuildServiceProvider();
            var importer = services.GetRequiredService<DirectoryImporter>();
            DirectoryImportOutcome outcome;
            try
            {
                outcome = await importer.ImportAsync(path.Name, content, parseResult.GetValue(force), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageTrouble.Is(exception))
            {
                // Nothing went live: the pointer moves last. Endpoint and status only (no payloads on the console).
                return await StorageTrouble.ReportAsync(error, "directory import", exception, connectionString, parseResult.GetValue(verbose),
                    "The live directory is unchanged; retry the import.").ConfigureAwait(false);
            }
            catch (FormatException)
            {
                await error.WriteLineAsync("The storage connection string is not valid.").ConfigureAwait(false);
                return 2;
            }

            await output.WriteAsync(DirectoryReport.ToText(outcome, path.Name, outcome.ImportedAt)).ConfigureAwait(false);
            foreach (var blob in outcome.ReportBlobs)
            {
                await output.WriteLineAsync($"report: {blob}").ConfigureAwait(false);
            }

            return outcome.Status == DirectoryImportOutcome.Rejected ? 1 : 0;
        });

        var command = new Command("directory", "SPOC directory commands");
        command.Subcommands.Add(import);
        return command;
    }
}
