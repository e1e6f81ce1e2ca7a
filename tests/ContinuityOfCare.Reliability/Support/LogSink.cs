namespace ContinuityOfCare.Reliability.Support;

/// <summary>Every output line of the processes a test starts, appended to one file (large runs write hundreds of MB at Trace).</summary>
internal sealed class LogSink : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();

    public LogSink(string path)
    {
        FilePath = path;
        _writer = new StreamWriter(path, append: true) { AutoFlush = false };
    }

    public string FilePath { get; }

    public long Lines { get; private set; }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _writer.WriteLine(line);
            Lines++;
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            _writer.Flush();
        }
    }

    /// <summary>The last <paramref name="count"/> lines (for failure messages).</summary>
    public string Tail(int count = 60)
    {
        Flush();
        using var reader = new StreamReader(new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var queue = new Queue<string>();
        while (reader.ReadLine() is { } line)
        {
            queue.Enqueue(line);
            if (queue.Count > count)
            {
                queue.Dequeue();
            }
        }

        return string.Join('\n', queue);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer.Dispose();
        }
    }
}
