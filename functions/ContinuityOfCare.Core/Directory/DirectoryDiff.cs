namespace ContinuityOfCare.Core.Directory;

/// <summary>
/// What a SPOC directory refresh adds, removes and changes (formats.md §4: "a refresh produces a diff (added,
/// removed, changed)"). Entries are matched by org code, case-insensitively.
/// </summary>
/// <param name="Added">Entries only in the new version, in its order.</param>
/// <param name="Removed">Entries only in the previous version, in its order.</param>
/// <param name="Changed">Entries in both whose fields differ, in the new version's order.</param>
public sealed record DirectoryDiff(
    IReadOnlyList<DirectoryEntry> Added,
    IReadOnlyList<DirectoryEntry> Removed,
    IReadOnlyList<DirectoryEntryChange> Changed)
{
    /// <summary>True when the two versions hold the same entries with the same values.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>The diff from <paramref name="previous"/> (null: no live version yet) to <paramref name="current"/>.</summary>
    public static DirectoryDiff Between(IReadOnlyList<DirectoryEntry>? previous, IReadOnlyList<DirectoryEntry> current)
    {
        ArgumentNullException.ThrowIfNull(current);
        previous ??= [];
        var previousByCode = ByCode(previous);
        var currentByCode = ByCode(current);

        var added = current.Where(entry => !previousByCode.ContainsKey(entry.OrgCode)).ToList();
        var removed = previous.Where(entry => !currentByCode.ContainsKey(entry.OrgCode)).ToList();
        var changed = new List<DirectoryEntryChange>();
        foreach (var entry in current)
        {
            if (previousByCode.TryGetValue(entry.OrgCode, out var before))
            {
                var fields = ChangedFields(before, entry);
                if (fields.Count > 0)
                {
                    changed.Add(new DirectoryEntryChange(entry.OrgCode, fields, before, entry));
                }
            }
        }

        return new DirectoryDiff(added, removed, changed);
    }

    /// <summary>The CSV column names whose values differ between two entries for the same organisation.</summary>
    public static IReadOnlyList<string> ChangedFields(DirectoryEntry previous, DirectoryEntry current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var fields = new List<string>();
        if (previous.OrgType != current.OrgType) fields.Add("org_type");
        if (!string.Equals(previous.OrgName, current.OrgName, StringComparison.Ordinal)) fields.Add("org_name");
        if (!string.Equals(previous.SpocName, current.SpocName, StringComparison.Ordinal)) fields.Add("spoc_name");
        if (!string.Equals(previous.Email, current.Email, StringComparison.OrdinalIgnoreCase)) fields.Add("email");
        if (!string.Equals(previous.Phone, current.Phone, StringComparison.Ordinal)) fields.Add("phone");
        if (!string.Equals(previous.Phone24x7, current.Phone24x7, StringComparison.Ordinal)) fields.Add("phone_24_7");
        if (!string.Equals(previous.EscalationEmail, current.EscalationEmail, StringComparison.OrdinalIgnoreCase)) fields.Add("escalation_email");
        if (!SameSet(previous.PostcodeDistricts, current.PostcodeDistricts)) fields.Add("postcode_districts");
        if (!SameSet(previous.Courts, current.Courts)) fields.Add("courts");
        if (!SameSet(previous.CourtWorkerCourts, current.CourtWorkerCourts)) fields.Add("court_worker_courts");
        if (previous.EffectiveFrom != current.EffectiveFrom) fields.Add("effective_from");
        return fields;
    }

    // Multi-value cells are sets: "LS1;LS2" and "LS2;LS1" say the same thing.
    private static bool SameSet(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(right);

    private static Dictionary<string, DirectoryEntry> ByCode(IReadOnlyList<DirectoryEntry> entries)
    {
        var byCode = new Dictionary<string, DirectoryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            byCode.TryAdd(entry.OrgCode, entry);
        }

        return byCode;
    }
}
