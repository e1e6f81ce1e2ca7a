namespace ContinuityOfCare.Ingestion.Samples;

/// <summary>Writes CSV the way the hub reads it (formats.md): RFC 4180 quoting, LF line ends, <c>;</c> inside multi-value cells.</summary>
internal static class SampleCsv
{
    public static async Task WriteRowAsync(TextWriter writer, IEnumerable<string?> cells, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                await writer.WriteAsync(',').ConfigureAwait(false);
            }

            first = false;
            await writer.WriteAsync(Quote(cell ?? string.Empty).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await writer.WriteAsync('\n').ConfigureAwait(false);
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || cell.Length != cell.Trim().Length
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
