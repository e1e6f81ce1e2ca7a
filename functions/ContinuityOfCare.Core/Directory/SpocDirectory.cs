namespace ContinuityOfCare.Core.Directory;

/// <summary>
/// One version of the SPOC directory. Routing records which version it used (docs/domain.md "Routing").
/// </summary>
public sealed class SpocDirectory
{
    private readonly Dictionary<string, DirectoryEntry> _byCode;

    /// <summary>Creates a directory version; org codes must be unique (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Two entries share an org code.</exception>
    public SpocDirectory(int version, IReadOnlyList<DirectoryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Version = version;
        Entries = entries;
        _byCode = new Dictionary<string, DirectoryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (!_byCode.TryAdd(entry.OrgCode, entry))
            {
                throw new ArgumentException($"duplicate org code {entry.OrgCode} in directory version {version}", nameof(entries));
            }
        }
    }

    /// <summary>The version number (1, 2, …).</summary>
    public int Version { get; }

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<DirectoryEntry> Entries { get; }

    /// <summary>The entry with this org code, or null.</summary>
    public DirectoryEntry? Find(string orgCode) => _byCode.GetValueOrDefault(orgCode);
}
