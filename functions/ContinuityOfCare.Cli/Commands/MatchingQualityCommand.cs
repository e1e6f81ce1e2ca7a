using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.Samples;
using ContinuityOfCare.Ingestion.Samples.MatchingQuality;
using NodaTime;

namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// <c>coc samples quality --seed N --clients N --defendants N [--client-share F] [--out DIR]</c>: generates a register
/// and a court list with a documented share of each name and date-of-birth variant, matches every defendant, and
/// reports wrong matches, recall, strangers held and precision against the ground truth (docs/benchmarks.md "Matching
/// quality"). With <c>--out</c> it also writes the register, the court list and the answers, for <c>coc plan</c>.
/// </summary>
internal static class MatchingQualityCommand
{
    private const string Court = "B13LS";
    private static readonly LocalDate ListDay = new(2026, 12, 24);
    private const int HearingsPerSitting = 1000;

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same world)", DefaultValueFactory = _ => 42 };
        var clients = new Option<int>("--clients") { Description = "Clients in the register", DefaultValueFactory = _ => 100_000 };
        var defendants = new Option<int>("--defendants") { Description = "Defendants in the court list", DefaultValueFactory = _ => 10_000 };
        var share = new Option<double>("--client-share") { Description = "Share of defendants who are clients (0–1)", DefaultValueFactory = _ => 0.3 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Also write clients.csv, the court list and answers.csv here" };
        var command = new Command("quality", "Measure matching against a generated register and court list with known answers");
        foreach (var option in new Option[] { seed, clients, defendants, share, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var settings = new MatchingQualitySettings(parseResult.GetValue(seed), parseResult.GetValue(clients), parseResult.GetValue(defendants), parseResult.GetValue(share));
            if (settings.Clients < 0 || settings.Defendants < 0 || settings.ClientShare is < 0 or > 1)
            {
                await error.WriteLineAsync("--clients and --defendants must not be negative; --client-share is between 0 and 1").ConfigureAwait(false);
                return 2;
            }

            var world = MatchingQualityGenerator.Generate(settings);
            var stopwatch = Stopwatch.StartNew();
            var report = MatchingQualityReport.Measure(world, () => stopwatch.Elapsed);
            await parseResult.InvocationConfiguration.Output.WriteAsync(report.Format(settings, world.StrangersRedrawn)).ConfigureAwait(false);
            if (parseResult.GetValue(output) is { } folder)
            {
                try
                {
                    await WriteAsync(world, folder.FullName, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"cannot write to {folder.FullName}: {ex.Message}").ConfigureAwait(false);
                    return 2;
                }
            }

            return 0;
        });
        return command;
    }

    // The court list puts defendant j in sitting j / 1000, hearing j % 1000, so answers.csv can name each by its path.
    private static async Task WriteAsync(MatchingQualityWorld world, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, "court-lists"));
        var clientsFile = new StreamWriter(Path.Combine(folder, "clients.csv"), false, new UTF8Encoding(false));
        await using (clientsFile.ConfigureAwait(false))
        {
            await SampleFileWriter.WriteClientsAsync(clientsFile, world.Clients, cancellationToken).ConfigureAwait(false);
        }

        var start = LondonLocalTime.ToInstant(ListDay + new LocalTime(9, 0));
        var listings = world.Defendants
            .Select((d, j) => new CourtListing(new SourceRef("list"), Court, "Leeds Magistrates' Court", start.Plus(Duration.FromMinutes(j / HearingsPerSitting)), "First hearing",
                string.Create(CultureInfo.InvariantCulture, $"13LS{j:0000000}"), d.Person, false, null))
            .ToList();
        if (listings.Count > 0)
        {
            var listFile = File.Create(Path.Combine(folder, "court-lists", CourtListFileName.For(Court, InputDates.FormatIso(ListDay))));
            await using (listFile.ConfigureAwait(false))
            {
                using var json = new Utf8JsonWriter(listFile, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                SampleFileWriter.WriteMagistratesList(json, listings);
            }
        }

        var answers = new StreamWriter(Path.Combine(folder, "answers.csv"), false, new UTF8Encoding(false));
        await using (answers.ConfigureAwait(false))
        {
            await answers.WriteLineAsync("path,client_id,variant").ConfigureAwait(false);
            for (var j = 0; j < world.Defendants.Count; j++)
            {
                var d = world.Defendants[j];
                await answers.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"\"$.courtLists[0].courtHouse.courtRoom[0].session[0].sittings[{j / HearingsPerSitting}].hearing[{j % HearingsPerSitting}].case[0].party[0]\",{d.ClientId},{d.Variant}")).ConfigureAwait(false);
            }
        }
    }
}
