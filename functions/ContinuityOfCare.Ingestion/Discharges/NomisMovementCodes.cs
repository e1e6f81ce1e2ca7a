using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Discharges;

/// <summary>
/// The NOMIS movement types and reason codes the discharge export carries (formats.md §3). Which event each becomes
/// is routing's decision (docs/domain.md "The journey as events": <c>MRG</c> ignored; <c>DEC</c>, <c>HP</c>,
/// <c>DD</c>/<c>DE</c>/<c>DL</c>, <c>UAL</c>/<c>ESCP</c> to their events; <c>TAP</c> ignored unless configured).
/// </summary>
public static class NomisMovementCodes
{
    private static readonly Dictionary<string, MovementType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["REL"] = MovementType.Release,
        ["TRN"] = MovementType.Transfer,
        ["CRT"] = MovementType.Court,
        ["TAP"] = MovementType.TemporaryAbsence,
    };

    /// <summary>The movement types, by their NOMIS <c>MOVE_TYPE</c> spelling.</summary>
    public static IReadOnlyList<string> MovementTypes { get; } = [.. Types.Keys];

    /// <summary>
    /// The reason codes formats.md §3 names: releases (<c>CR</c> conditional release, <c>HR</c>/<c>HU</c> HDC,
    /// <c>BL</c> bailed, <c>SC</c> sentence completed, <c>NCS</c> non-custodial sentence, <c>NG</c> not guilty),
    /// <c>DEC</c> died, <c>HP</c> hospital, <c>DD</c>/<c>DE</c>/<c>DL</c> deportation, <c>UAL</c>/<c>ESCP</c>
    /// absconded/escaped, <c>MRG</c> merge, <c>NOTR</c> normal transfer, <c>CRT</c>/<c>PR</c>/<c>PS</c>/<c>VL</c> court.
    /// </summary>
    public static IReadOnlySet<string> KnownReasons { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CR", "HR", "HU", "BL", "SC", "NCS", "NG",
        "DEC", "HP", "DD", "DE", "DL", "UAL", "ESCP",
        "MRG", "NOTR", "CRT", "PR", "PS", "VL",
    };

    /// <summary>Parses a NOMIS movement type (case-insensitive).</summary>
    public static bool TryParseMovementType(string? text, out MovementType type) => Types.TryGetValue(text?.Trim() ?? string.Empty, out type);

    /// <summary>The NOMIS spelling of a movement type.</summary>
    public static string ToCode(this MovementType type) => Types.First(pair => pair.Value == type).Key;
}
