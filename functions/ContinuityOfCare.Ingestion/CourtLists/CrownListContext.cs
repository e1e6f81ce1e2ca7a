using NodaTime;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// What a Crown Daily List says outside its sittings, captured while streaming (it precedes <c>CourtLists</c> in
/// HMCTS's files): the list date and the court codes and names.
/// </summary>
internal sealed class CrownListContext
{
    private readonly Dictionary<int, string> _courtListCodes = [];
    private readonly Dictionary<int, string> _courtListNames = [];

    /// <summary><c>ListHeader.StartDate</c>, when given and valid.</summary>
    public LocalDate? StartDate { get; set; }

    /// <summary><c>CrownCourt.CourtHouseCode</c> (integer now, string before), as text.</summary>
    public string? CrownCourtCode { get; set; }

    /// <summary><c>CrownCourt.CourtHouseName</c>.</summary>
    public string? CrownCourtName { get; set; }

    public void SetCourtListCode(int courtListIndex, string code) => _courtListCodes[courtListIndex] = code;

    public void SetCourtListName(int courtListIndex, string name) => _courtListNames[courtListIndex] = name;

    /// <summary>A court list's own <c>CourtHouse.CourtHouseCode</c>, else the list's <c>CrownCourt</c> one.</summary>
    public string? CourtCodeFor(int courtListIndex) => _courtListCodes.GetValueOrDefault(courtListIndex) ?? CrownCourtCode;

    /// <summary>A court list's own <c>CourtHouse.CourtHouseName</c>, else the list's <c>CrownCourt</c> one.</summary>
    public string CourtNameFor(int courtListIndex) => _courtListNames.GetValueOrDefault(courtListIndex) ?? CrownCourtName ?? string.Empty;
}
