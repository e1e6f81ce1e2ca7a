using ContinuityOfCare.Testing;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>The main job's order of work against a running runner: the directory, then the register, then every feed file.</summary>
internal static class SampleRun
{
    /// <summary>Drops the reference data and waits until both are in force; then drops the feeds and returns their SHA-256s.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(HubProbe probe, int runnerPort, GeneratedWorld files, CancellationToken token)
    {
        await probe.DropAsync("directory", files.DirectoryFile, token);
        await Bounded.UntilAsync(async () => await HubProbe.DirectoryVersionAsync(runnerPort) is not null, TimeSpan.FromSeconds(90), "the SPOC directory import", token);
        var register = await probe.DropAsync("clients", files.ClientsFile, token);
        await Bounded.UntilAsync(async () => await probe.IngestStatusAsync(register, token) is "Processed", TimeSpan.FromMinutes(5), "the register import", token);
        var feeds = new List<string>();
        foreach (var (container, path) in files.Feeds)
        {
            feeds.Add(await probe.DropAsync(container, path, token));
        }

        return feeds;
    }

    /// <summary>Alert Forms in maildev by alert id (the Message-ID's local part), each with its copies.</summary>
    public static Dictionary<string, List<MaildevEmail>> AlertCopies(IEnumerable<MaildevEmail> emails, PlannedOutcome plan) =>
        emails.Where(e => e.MessageId is { Length: > 32 } id && plan.ReadyAlerts.ContainsKey(id[..32]) && id[32] == '@')
            .GroupBy(e => e.MessageId![..32], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
}
