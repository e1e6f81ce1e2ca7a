namespace ContinuityOfCare.Ingestion.Discharges;

/// <summary>The prison discharge export ("LIDS Discharge List") CSV columns (formats.md §3), matched case-insensitively.</summary>
public static class DischargeExportColumns
{
    /// <summary><c>prison_code</c> (required): the discharging establishment's NOMIS code.</summary>
    public const string PrisonCode = "prison_code";

    /// <summary><c>noms_number</c> (required): prisoner number <c>A1234BC</c>.</summary>
    public const string NomsNumber = "noms_number";

    /// <summary><c>surname</c> (required).</summary>
    public const string Surname = "surname";

    /// <summary><c>forenames</c> (required).</summary>
    public const string Forenames = "forenames";

    /// <summary><c>date_of_birth</c> (required): <c>YYYY-MM-DD</c>.</summary>
    public const string DateOfBirth = "date_of_birth";

    /// <summary><c>pnc</c> (optional).</summary>
    public const string Pnc = "pnc";

    /// <summary><c>movement_date</c> (required): <c>YYYY-MM-DD</c>, Europe/London.</summary>
    public const string MovementDate = "movement_date";

    /// <summary><c>movement_time</c> (required): <c>HH:MM</c>, Europe/London.</summary>
    public const string MovementTime = "movement_time";

    /// <summary><c>movement_type</c> (required): <c>REL</c>, <c>TRN</c>, <c>CRT</c>, <c>TAP</c>.</summary>
    public const string MovementType = "movement_type";

    /// <summary><c>movement_reason_code</c> (required): NOMIS <c>MOVE_RSN</c>.</summary>
    public const string MovementReasonCode = "movement_reason_code";

    /// <summary><c>to_agency</c> (required): prison code (TRN), court code (CRT), <c>OUT</c> (releases).</summary>
    public const string ToAgency = "to_agency";

    /// <summary><c>release_date</c> (optional).</summary>
    public const string ReleaseDate = "release_date";

    /// <summary>Columns every file must have in its header; a file without one is rejected whole.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [PrisonCode, NomsNumber, Surname, Forenames, DateOfBirth, MovementDate, MovementTime, MovementType, MovementReasonCode, ToAgency];

    /// <summary>Every column the hub reads, in the order the sample generator writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PrisonCode, NomsNumber, Surname, Forenames, DateOfBirth, Pnc, MovementDate, MovementTime, MovementType, MovementReasonCode, ToAgency, ReleaseDate];
}
