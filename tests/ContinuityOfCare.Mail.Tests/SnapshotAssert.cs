using System.Runtime.CompilerServices;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Compares rendered output with an approved file committed under <c>Snapshots/</c>. To re-approve after an intended
/// template change: <c>COC_APPROVE_SNAPSHOTS=1 dotnet test tests/ContinuityOfCare.Mail.Tests</c>, then review the diff.
/// A mismatch writes <c>&lt;name&gt;.received.&lt;ext&gt;</c> next to the approved file for comparison.
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var approved = Path.Combine(directory, $"{stem}.approved{extension}");
        var received = Path.Combine(directory, $"{stem}.received{extension}");
        var normalised = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("COC_APPROVE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approved, normalised);
            File.Delete(received);
            return;
        }

        Assert.True(File.Exists(approved), $"No approved snapshot {approved}; set COC_APPROVE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(approved).ReplaceLineEndings("\n");
        if (expected != normalised)
        {
            File.WriteAllText(received, normalised);
        }
        else
        {
            File.Delete(received);
        }

        Assert.Equal(expected, normalised);
    }
}
