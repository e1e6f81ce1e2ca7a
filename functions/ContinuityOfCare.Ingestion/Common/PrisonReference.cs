namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// The reference list that resolves prison names to NOMIS agency codes for the court results' <c>establishment</c>
/// column (formats.md §2: "prison NOMIS code (e.g. <c>LEI</c>) or a prison name that the reference list resolves").
/// A subset of England and Wales establishments; extend it through <see cref="IngestionOptions.PrisonNames"/>.
/// </summary>
public static class PrisonReference
{
    private static readonly (string Code, string Name)[] Prisons =
    [
        ("ACI", "Altcourse"),
        ("AGI", "Askham Grange"),
        ("BAI", "Belmarsh"),
        ("BMI", "Birmingham"),
        ("BXI", "Brixton"),
        ("DMI", "Durham"),
        ("DNI", "Doncaster"),
        ("FBI", "Forest Bank"),
        ("HLI", "Hull"),
        ("HOI", "High Down"),
        ("LEI", "Leeds"),
        ("LPI", "Liverpool"),
        ("MDI", "Moorland"),
        ("MRI", "Manchester"),
        ("NHI", "New Hall"),
        ("NMI", "Nottingham"),
        ("PVI", "Pentonville"),
        ("RSI", "Risley"),
        ("WDI", "Wakefield"),
        ("WWI", "Wandsworth"),
    ];

    /// <summary>Name → NOMIS code, both "Leeds" and "HMP Leeds" spellings (case-insensitive keys).</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = BuildNames();

    /// <summary>The NOMIS code → display name ("HMP Leeds") of every listed prison.</summary>
    public static IReadOnlyDictionary<string, string> DisplayNames { get; } =
        Prisons.ToDictionary(p => p.Code, p => "HMP " + p.Name, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> BuildNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, name) in Prisons)
        {
            names[name] = code;
            names["HMP " + name] = code;
        }

        return names;
    }
}
