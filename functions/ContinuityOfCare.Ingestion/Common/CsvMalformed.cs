using ContinuityOfCare.Core.Inputs;
using CsvHelper;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// One wording for CSV rows that break RFC 4180 (docs/formats.md "Common CSV rules"), and the one rule for reference
/// data (docs/formats.md "Reference data: whole file or nothing"): a structural break — a quoted cell never closed, after
/// which the rest of the file cannot be read — refuses a client register or SPOC directory whole, so that the version in
/// force stays live instead of half of the new one (a consent withdrawal after the break would otherwise be lost).
/// Feed files keep the rows before the break.
/// </summary>
internal static class CsvMalformed
{
    /// <summary>The reason given for a row that breaks the quoting or cell-count rules.</summary>
    public static string Reason(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "the row does not have as many cells as the header",
        CsvMalformedReason.UnterminatedQuote => "bad quoting (RFC 4180): a quoted cell is never closed, so the rest of the file from this line cannot be read",
        CsvMalformedReason.StrayQuote => "bad quoting (RFC 4180): a quote inside an unquoted cell",
        CsvMalformedReason.TextAfterClosingQuote => "bad quoting (RFC 4180): text after a closing quote",
        _ => "bad quoting (RFC 4180)",
    };

    /// <summary>True when the break leaves the rest of the file unreadable (not just this row).</summary>
    public static bool IsStructural(CsvMalformedReason reason) => reason == CsvMalformedReason.UnterminatedQuote;

    /// <summary>The whole-file rejection of a reference-data file with a structural break at <paramref name="line"/>.</summary>
    public static Rejection RefuseReferenceFile(string sourceFile, int line, CsvMalformedReason reason) =>
        FileChecks.FileRejection(sourceFile,
            $"line {line}: {Reason(reason)}; reference data is used whole or not at all, so the file is refused and the version in force stays live — fix the file and send it again");
}
