namespace ContinuityOfCare.FunctionApp.Directory;

/// <summary>SPOC directory import settings (configuration section <c>DirectoryImport</c>; formats.md §4).</summary>
public sealed class DirectoryImportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DirectoryImport";

    /// <summary>The largest share of live entries a refresh may remove unless forced (default 0.20).</summary>
    public double MaxRemovedShare { get; set; } = 0.20;

    /// <summary>Known prison NOMIS codes; empty checks only the code's form.</summary>
    public List<string> KnownPrisonCodes { get; } = [];

    /// <summary>The size cap of a directory file in bytes (default 5 MiB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>The table holding directory versions and the live pointer.</summary>
    public string Table { get; set; } = "spocdirectory";

    /// <summary>The container reports are written to (under <c>directory/</c>).</summary>
    public string ReportsContainer { get; set; } = "reports";
}
