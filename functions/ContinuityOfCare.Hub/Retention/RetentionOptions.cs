using ContinuityOfCare.Core.Feeds;

namespace ContinuityOfCare.Hub.Retention;

/// <summary>
/// How long raw input files are kept (configuration section <c>Retention</c>). docs/domain.md "Consent and data
/// minimisation": court lists name many people who are not clients, so raw input files are kept for a configurable
/// retention period (default 30 days) and then deleted.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Retention";

    /// <summary>How long a raw file is kept after it was processed or rejected (default 30 days).</summary>
    public TimeSpan RawFiles { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The containers holding raw files after ingestion (default <c>processed</c> and <c>rejected</c>).</summary>
    public IList<string> Containers { get; } = [InboxContainers.Processed, InboxContainers.Rejected];

    /// <summary>Problems with these settings, one message each; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RawFiles < TimeSpan.FromDays(1))
        {
            problems.Add("Retention:RawFiles must be at least one day (default 30 days).");
        }

        if (Containers.Count == 0 || Containers.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Retention:Containers must name at least one container, none blank.");
        }

        return problems;
    }
}
