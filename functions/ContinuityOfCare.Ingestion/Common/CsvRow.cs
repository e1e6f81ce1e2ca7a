using System.Buffers;
using System.Text;
using CsvHelper;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// The current CSV data row of a <see cref="CsvTable"/> read: its 1-based starting line (the header is line 1) and its
/// cells by column name or index. It is a view over the reader, reused for every row of a file and valid only until
/// the stream moves on: cells are decoded on demand, so a parser that validates a cell's bytes and then discards them
/// never allocates a string for it (docs/benchmarks.md "Planning").
/// </summary>
internal sealed class CsvRow(CsvReader reader, IReadOnlyDictionary<string, int> columns)
{
    /// <summary>The line the row starts on.</summary>
    public int Line { get; internal set; }

    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell is empty.</summary>
    public string? this[string column] => this[IndexOf(column)];

    /// <summary>The trimmed cell at a column index (see <see cref="IndexOf"/>), or null when absent or empty.</summary>
    public string? this[int index] => index >= 0 && index < reader.FieldCount && !reader.IsEmpty(index) ? reader.GetString(index) : null;

    /// <summary>The column's index in this file's header, or -1 when the file has no such column. Constant per file.</summary>
    public int IndexOf(string column) => columns.TryGetValue(column, out var index) ? index : -1;

    /// <summary>The trimmed cell at a column index as UTF-8 bytes (empty when absent or empty); valid until the next row.</summary>
    public ReadOnlySpan<byte> Utf8(int index) => index >= 0 && index < reader.FieldCount ? reader.GetSpan(index) : default;

    /// <summary>
    /// C0 control characters and DEL, except tab and the line breaks RFC 4180 allows inside a quoted cell: a NUL or an
    /// escape sequence in a name or code is damage, not data, and would travel into Alert Forms and logs.
    /// </summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\r' or '\n')).Select(b => (byte)b), 0x7F]);

    /// <summary>The index of the first cell holding a control character (see <see cref="ControlBytes"/>), or -1.</summary>
    internal int FirstCellWithControlCharacter()
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (reader.GetSpan(i).IndexOfAny(ControlBytes) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the first cell longer than <paramref name="maxChars"/> characters, or -1; short cells are not decoded.</summary>
    internal int FirstCellLongerThan(int maxChars)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var bytes = reader.GetSpan(i);

            // UTF-8 never takes fewer bytes than UTF-16 code units, so only a cell with more bytes than the cap can exceed it.
            if (bytes.Length > maxChars && Encoding.UTF8.GetCharCount(bytes) > maxChars)
            {
                return i;
            }
        }

        return -1;
    }
}
