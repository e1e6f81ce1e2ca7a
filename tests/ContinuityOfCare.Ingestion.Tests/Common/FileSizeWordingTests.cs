using ContinuityOfCare.Ingestion.Common;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>docs/formats.md "Common rules": sizes in messages are in MB (exact bytes only below 0.1 MB).</summary>
public class FileSizeWordingTests
{
    [Theory]
    [InlineData(200L * 1024 * 1024, "200 MB")]
    [InlineData(50L * 1024 * 1024 + 300 * 1024, "50.3 MB")]
    [InlineData(1024L * 1024, "1 MB")]
    [InlineData(104_858L, "0.1 MB")]
    [InlineData(64L, "64 bytes")]
    public void Sizes_read_in_MB(long bytes, string expected) => Assert.Equal(expected, FileChecks.FormatBytes(bytes));

    [Fact]
    public void The_size_cap_message_names_the_cap_in_MB() =>
        Assert.Equal("the file is larger than the size cap (200 MB)", FileChecks.TooLarge(200L * 1024 * 1024));
}
