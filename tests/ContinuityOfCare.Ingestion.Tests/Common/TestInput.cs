using System.Text;
using ContinuityOfCare.Ingestion.Common;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>Builds parser inputs in memory: text as UTF-8 (optionally with a BOM), lines joined with LF or CRLF.</summary>
internal static class TestInput
{
    public const string Source = "test-file";

    public static string Lines(params string[] lines) => Join(false, lines);

    public static string Join(bool crlf, params string[] lines)
    {
        var newline = crlf ? "\r\n" : "\n";
        return string.Join(newline, lines) + newline;
    }

    public static MemoryStream Utf8(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public static Task<IngestionResult<T>> CollectAsync<T>(IAsyncEnumerable<ParsedItem<T>> items)
        where T : class => IngestionResult<T>.CollectAsync(Source, items);

    /// <summary>Every item, in stream order, for tests that check ordering.</summary>
    public static async Task<List<ParsedItem<T>>> ItemsAsync<T>(IAsyncEnumerable<ParsedItem<T>> items)
        where T : class
    {
        var list = new List<ParsedItem<T>>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
