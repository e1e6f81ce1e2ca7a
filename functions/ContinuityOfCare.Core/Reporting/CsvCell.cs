namespace ContinuityOfCare.Core.Reporting;

/// <summary>
/// One CSV cell made safe to open in a spreadsheet (architecture.md "Security rules": CSV output cells starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c> are escaped). Two steps, in order:
/// <list type="number">
/// <item>Formula injection (OWASP "CSV Injection"): a cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or
/// carriage return gets a leading single quote, so a spreadsheet shows it as text instead of evaluating it.</item>
/// <item>RFC 4180 §2: a cell containing a comma, a double quote, CR or LF is enclosed in double quotes, each double
/// quote doubled.</item>
/// </list>
/// </summary>
public static class CsvCell
{
    /// <summary>The cell text, escaped for formulas and quoted per RFC 4180 where needed. Null is an empty cell.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
