using System.CommandLine;
using ContinuityOfCare.Ingestion.Samples;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc samples generate --seed N --clients N --defendants N --out DIR</c>: writes a consistent fictional world in
/// every input format. The same arguments always write byte-identical files. <c>coc samples quality</c> measures matching
/// (<see cref="MatchingQualityCommand"/>).
/// </summary>
internal static class SamplesCommand
{
    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same files)", DefaultValueFactory = _ => 42 };
        var clients = new Option<int>("--clients") { Description = "Clients in the register", DefaultValueFactory = _ => 40 };
        var defendants = new Option<int>("--defendants") { Description = "Defendants named in the court lists", DefaultValueFactory = _ => 60 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (created if missing)", Required = true };

        var generate = new Command("generate", "Write a fictional register, directory, court lists, court results and discharge exports");
        generate.Options.Add(seed);
        generate.Options.Add(clients);
        generate.Options.Add(defendants);
        generate.Options.Add(output);
        generate.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var clientCount = parseResult.GetValue(clients);
            var defendantCount = parseResult.GetValue(defendants);
            if (clientCount < 0 || defendantCount < 0)
            {
                await error.WriteLineAsync("--clients and --defendants must not be negative").ConfigureAwait(false);
                return 2;
            }

            var folder = parseResult.GetValue(output)!;
            var world = SampleWorldGenerator.Generate(new SampleSettings(parseResult.GetValue(seed), clientCount, defendantCount));
            IReadOnlyList<string> files;
            try
            {
                Directory.CreateDirectory(folder.FullName);
                files = await SampleFileWriter.WriteAsync(world, folder.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"cannot write to {folder.FullName}: {ex.Message}").ConfigureAwait(false);
                return 2;
            }

            var outputWriter = parseResult.InvocationConfiguration.Output;
            await outputWriter.WriteLineAsync(
                $"wrote {files.Count} files to {folder.FullName}: {world.Clients.Count} clients, {world.Listings.Count} listed defendants, " +
                $"{world.Results.Count} court results, {world.Discharges.Count} discharge rows, {world.Directory.Count} directory entries").ConfigureAwait(false);
            foreach (var file in files)
            {
                await outputWriter.WriteLineAsync("  " + file).ConfigureAwait(false);
            }

            return 0;
        });

        var command = new Command("samples", "Sample data");
        command.Subcommands.Add(generate);
        command.Subcommands.Add(MatchingQualityCommand.Create());
        return command;
    }
}
