using ContinuityOfCare.Ingestion.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>formats.md: CSV times are Europe/London; ambiguity made explicit (skipped → later, repeated → earlier).</summary>
public class LondonLocalTimeTests
{
    [Theory]
    [InlineData(2026, 12, 24, 10, 0, "2026-12-24T10:00:00Z")] // GMT
    [InlineData(2026, 7, 1, 10, 0, "2026-07-01T09:00:00Z")] // BST
    [InlineData(2026, 3, 29, 1, 30, "2026-03-29T01:30:00Z")] // skipped hour: 01:30 GMT does not exist → 02:30 BST (the later side)
    [InlineData(2026, 10, 25, 1, 30, "2026-10-25T00:30:00Z")] // repeated hour: the earlier 01:30 (BST)
    public void FormatsCsvTimes_EuropeLondon_DstResolvedExplicitly(int year, int month, int day, int hour, int minute, string expected) =>
        Assert.Equal(expected, LondonLocalTime.ToInstant(new LocalDateTime(year, month, day, hour, minute)).ToString());
}
