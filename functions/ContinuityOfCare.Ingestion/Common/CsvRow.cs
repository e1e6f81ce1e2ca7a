namespace ContinuityOfCare.Ingestion.Common;

/// <summary>One CSV data row: its 1-based starting line (the header is line 1) and its cells by column name.</summary>
internal sealed class CsvRow(int line, IReadOnlyDictionary<string, int> columns, string[] cells)
{
    /// <summary>The line the row starts on.</summary>
    public int Line { get; } = line;

    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell is empty.</summary>
    public string? this[string column] =>
        columns.TryGetValue(column, out var index) && index < cells.Length && cells[index].Length > 0 ? cells[index] : null;
}
