using System.Globalization;
using System.Text.RegularExpressions;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Directory;

/// <summary>
/// Validates a whole SPOC directory refresh before it may go live. formats.md §4: "A refresh is all-or-nothing:
/// validate everything (email syntax, unique codes, overlapping coverage, unknown prison codes, recipients outside
/// the secure-mail allow-list), keep the previous version live if the new one is invalid, and refuse a file that
/// removes more than a configured share of entries (default 20%) unless forced." Pure: no I/O, no clock.
/// </summary>
public static partial class DirectoryValidator
{
    /// <summary>
    /// Every problem of the refresh, each with its line number where it has one, in line order (file-level
    /// problems such as the shrink guard last). An empty list means the refresh may go live.
    /// </summary>
    /// <param name="sourceFile">The file name, for <see cref="SourceRef"/>.</param>
    /// <param name="rows">The parsed entries with their lines.</param>
    /// <param name="live">The live version's entries, or null when there is none yet.</param>
    /// <param name="options">Allow-list, shrink share and prison reference list.</param>
    /// <param name="force">True to allow a refresh that removes more than <see cref="DirectoryValidationOptions.MaxRemovedShare"/>.</param>
    public static IReadOnlyList<Rejection> Validate(
        string sourceFile,
        IReadOnlyList<DirectoryRow> rows,
        IReadOnlyList<DirectoryEntry>? live,
        DirectoryValidationOptions options,
        bool force)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);

        var problems = new List<Rejection>();
        void Add(int? line, string reason) => problems.Add(new Rejection(new SourceRef(sourceFile, line), reason));

        var firstLineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var cjitLineByDistrict = new Dictionary<string, (int Line, string OrgCode)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, entry) in rows)
        {
            // formats.md §4: org_code is unique.
            if (!firstLineByCode.TryAdd(entry.OrgCode, line))
            {
                Add(line, string.Create(CultureInfo.InvariantCulture,
                    $"org_code {entry.OrgCode} is also used on line {firstLineByCode[entry.OrgCode]}: codes must be unique"));
            }

            CheckMailbox(line, "email", entry.Email, options, Add);
            CheckMailbox(line, "escalation_email", entry.EscalationEmail, options, Add);

            if (entry.OrgType == OrgType.PrisonSmt)
            {
                CheckPrisonCode(line, entry.OrgCode, options, Add);
            }

            if (entry.OrgType == OrgType.Cjit)
            {
                CheckCjit(line, entry, cjitLineByDistrict, Add);
            }

            foreach (var court in entry.CourtWorkerCourts)
            {
                if (!entry.Courts.Contains(court, StringComparer.OrdinalIgnoreCase))
                {
                    Add(line, $"court_worker_courts lists {court}, which is not in courts (it must be a subset)");
                }
            }
        }

        CheckShrink(rows, live, options, force, reason => Add(null, reason));
        return problems.OrderBy(problem => problem.Where.Line ?? int.MaxValue).ToList();
    }

    /// <summary>True when <paramref name="address"/> is a plain mailbox address (no display name, one <c>@</c>, a dotted domain).</summary>
    public static bool IsEmailSyntaxValid(string? address) => address is not null && EmailPattern().IsMatch(address);

    /// <summary>True when the code has the NOMIS prison code form: three upper-case letters (e.g. <c>LEI</c>).</summary>
    public static bool IsNomisPrisonCode(string? code) => code is not null && PrisonCodePattern().IsMatch(code);

    private static void CheckMailbox(int line, string column, string address, DirectoryValidationOptions options, Action<int?, string> add)
    {
        // Values are organisational mailboxes, but reasons still avoid quoting them: the report names the column.
        if (!IsEmailSyntaxValid(address))
        {
            add(line, $"{column} is not a valid email address");
        }
        else if (!options.SecureMail.Allows(address))
        {
            var domain = address[(address.LastIndexOf('@') + 1)..];
            add(line, $"{column} domain {domain} is outside the secure-mail allow-list ({string.Join(", ", options.SecureMail.Domains)})");
        }
    }

    private static void CheckPrisonCode(int line, string orgCode, DirectoryValidationOptions options, Action<int?, string> add)
    {
        // docs/domain.md "Who is involved": an SMT is keyed by its prison's NOMIS code (three upper-case letters).
        if (!IsNomisPrisonCode(orgCode))
        {
            add(line, $"org_code {orgCode} is not a NOMIS prison code (three upper-case letters, e.g. LEI)");
        }
        else if (options.KnownPrisonCodes is { } known && !known.Contains(orgCode))
        {
            add(line, $"org_code {orgCode} is not a known prison");
        }
    }

    private static void CheckCjit(
        int line,
        DirectoryEntry entry,
        Dictionary<string, (int Line, string OrgCode)> cjitLineByDistrict,
        Action<int?, string> add)
    {
        // formats.md §4: phone_24_7, postcode_districts and courts are required for a CJIT.
        if (string.IsNullOrWhiteSpace(entry.Phone24x7))
        {
            add(line, "phone_24_7 is required for a CJIT");
        }

        if (entry.PostcodeDistricts.Count == 0)
        {
            add(line, "postcode_districts is required for a CJIT");
        }

        if (entry.Courts.Count == 0)
        {
            add(line, "courts is required for a CJIT");
        }

        foreach (var district in entry.PostcodeDistricts)
        {
            if (!PostcodeDistrictPattern().IsMatch(district))
            {
                add(line, $"postcode_districts value {district} is not a postcode district (e.g. LS1, LS6, EC1A)");
                continue;
            }

            // formats.md §4 "overlapping coverage": the home CJIT is derived from the district, so it must be unique.
            if (!cjitLineByDistrict.TryAdd(district, (line, entry.OrgCode)))
            {
                var first = cjitLineByDistrict[district];
                add(line, string.Create(CultureInfo.InvariantCulture,
                    $"postcode district {district} is covered by both {first.OrgCode} (line {first.Line}) and {entry.OrgCode}"));
            }
        }
    }

    private static void CheckShrink(
        IReadOnlyList<DirectoryRow> rows,
        IReadOnlyList<DirectoryEntry>? live,
        DirectoryValidationOptions options,
        bool force,
        Action<string> add)
    {
        if (live is null || live.Count == 0 || force)
        {
            return;
        }

        // formats.md §4: refuse a file that removes more than the configured share of entries unless forced.
        var incoming = rows.Select(row => row.Entry.OrgCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = live.Count(entry => !incoming.Contains(entry.OrgCode));
        if (removed > options.MaxRemovedShare * live.Count)
        {
            add(string.Create(CultureInfo.InvariantCulture,
                $"the file removes {removed} of {live.Count} live entries, more than the allowed {options.MaxRemovedShare * 100:0.#}%; import it with --force if that is intended"));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrisonCodePattern();

    // UK outward code: area (1–2 letters) + district (digit, then an optional digit or letter).
    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodeDistrictPattern();
}
