namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// A small, fixed list of English forenames that are the same name written differently or shortened (docs/plan.md
/// "Forename variants"): a listing under a variant of a client's forename is held for a person to confirm, never
/// matched. The list is deliberately short and documented — a variant is an accepted spelling or the usual short form,
/// not a guess at nicknames — so that what a reviewer sees held is something they can plausibly confirm.
/// </summary>
public static class ForenameVariants
{
    /// <summary>The groups of variant spellings, upper case as <see cref="NameNormaliser"/> gives them.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups { get; } =
    [
        ["JOHN", "JON", "JOHNNY", "JONNY"],
        ["JONATHAN", "JONATHON", "JON"],
        ["KATHERINE", "CATHERINE", "KATHRYN", "KATHARINE", "KATE", "KATIE", "CATH", "KATH"],
        ["STEPHEN", "STEVEN", "STEVE"],
        ["MICHAEL", "MICK", "MIKE", "MICKY"],
        ["WILLIAM", "BILL", "WILL", "BILLY", "LIAM"],
        ["ROBERT", "ROB", "BOB", "ROBBIE", "BOBBY"],
        ["RICHARD", "RICK", "RICKY", "DICK"],
        ["JAMES", "JIM", "JIMMY", "JAMIE"],
        ["THOMAS", "TOM", "TOMMY"],
        ["ANTHONY", "ANTONY", "TONY"],
        ["CHRISTOPHER", "CHRIS", "KRISTOPHER"],
        ["DANIEL", "DAN", "DANNY"],
        ["MATTHEW", "MATT", "MATHEW"],
        ["NICHOLAS", "NICK", "NICKY", "NICOLAS"],
        ["ALEXANDER", "ALEX", "ALEC"],
        ["PHILIP", "PHILLIP", "PHIL"],
        ["GEOFFREY", "JEFFREY", "GEOFF", "JEFF"],
        ["ELIZABETH", "LIZ", "BETH", "LIZZIE", "ELISABETH"],
        ["MARGARET", "MAGGIE", "PEGGY"],
        ["REBECCA", "BECKY", "BECCA", "REBEKAH"],
        ["SARAH", "SARA"],
        ["SAMANTHA", "SAM"],
        ["SAMUEL", "SAM", "SAMMY"],
        ["VICTORIA", "VICKY", "VICKI"],
        ["JOANNE", "JOANNA", "JO"],
        ["ZOE", "ZOEY"],
        ["STACEY", "STACY"],
        ["TRACEY", "TRACY"],
        ["LEANNE", "LEANN", "LIANNE"],
    ];

    private static readonly Dictionary<string, HashSet<int>> GroupsOf = Build();

    /// <summary>True when the two normalised forenames differ but are listed as variants of one name.</summary>
    public static bool AreVariants(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return !string.Equals(left, right, StringComparison.Ordinal)
            && GroupsOf.TryGetValue(left, out var leftGroups)
            && GroupsOf.TryGetValue(right, out var rightGroups)
            && leftGroups.Overlaps(rightGroups);
    }

    /// <summary>The listed variants of a normalised forename (itself excluded); empty when it is on no list.</summary>
    public static IReadOnlyList<string> Of(string forename)
    {
        ArgumentNullException.ThrowIfNull(forename);
        return GroupsOf.TryGetValue(forename, out var groups)
            ? [.. groups.SelectMany(g => Groups[g]).Where(n => n != forename).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
    }

    private static Dictionary<string, HashSet<int>> Build()
    {
        var map = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Count; g++)
        {
            foreach (var name in Groups[g])
            {
                if (!map.TryGetValue(name, out var set))
                {
                    map[name] = set = [];
                }

                set.Add(g);
            }
        }

        return map;
    }
}
