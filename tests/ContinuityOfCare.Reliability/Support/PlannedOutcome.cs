using System.Diagnostics;
using System.Text.Json;
using NodaTime;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// What the hub should do with a set of files, computed independently of the running hub: <c>coc plan --json</c>
/// (its own process, no storage, no clock but <c>--now</c>), which plans each feed file on its own exactly as Route does.
/// <see cref="AlertClients"/> says which client each alert (ready or held) is about: the privacy scan's attribution of a form.
/// </summary>
internal sealed record PlannedOutcome(
    int Events,
    IReadOnlyDictionary<string, string> ReadyAlerts,
    IReadOnlyDictionary<string, string> AlertClients,
    IReadOnlySet<string> HeldAlerts,
    IReadOnlySet<string> Obligations)
{
    public static async Task<PlannedOutcome> ComputeAsync(string clients, string directory, IEnumerable<(string Container, string Path)> feeds, Instant now)
    {
        var arguments = new List<string> { "exec", Repository.CocDll, "plan", "--clients", clients, "--directory", directory, "--now", now.ToString(), "--json" };
        foreach (var (container, path) in feeds)
        {
            arguments.Add(container switch
            {
                "court-lists" => "--court-list",
                "court-results" => "--court-results",
                _ => "--discharges",
            });
            arguments.Add(path);
        }

        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode is not (0 or 3))
        {
            throw new InvalidOperationException($"coc plan exited {process.ExitCode}: {await error.ConfigureAwait(false)}");
        }

        using var plan = JsonDocument.Parse(await output.ConfigureAwait(false));
        var root = plan.RootElement;
        var ready = new Dictionary<string, string>(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);
        var alertClients = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var alert in root.GetProperty("alerts").EnumerateArray())
        {
            var id = alert.GetProperty("id").GetString()!;
            alertClients[id] = alert.GetProperty("clientId").GetString()!;
            if (alert.GetProperty("status").GetString() == "ready")
            {
                ready[id] = alert.GetProperty("toEmail").GetString()!;
            }
            else
            {
                held.Add(id);
            }
        }

        // Every obligation opened (some are closed again later, by this file or another: that is the hub's to apply).
        var obligations = root.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        return new PlannedOutcome(root.GetProperty("counts").GetProperty("events").GetInt32(), ready, alertClients, held, obligations);
    }
}
