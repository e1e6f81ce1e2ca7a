using System.Diagnostics;
using ContinuityOfCare.Reliability.Support;
using Xunit;

namespace ContinuityOfCare.Reliability;

/// <summary>A test's <c>finally</c> relies on disposing a process to end it: a runner left alive outlives the suite.</summary>
public sealed class OsProcessTests
{
    [Fact]
    public async Task Disposing_a_running_process_kills_its_group()
    {
        var log = Path.Combine(Path.GetTempPath(), $"coc-osprocess-{Guid.NewGuid():N}.log");
        try
        {
            using var sink = new LogSink(log);
            var process = OsProcess.Start("sleep", ["120"], new Dictionary<string, string>(), sink);
            var id = process.Id;
            Assert.False(process.HasExited);

            await process.DisposeAsync();

            Assert.False(IsRunning(id), "the process outlived its disposal");
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
