namespace ContinuityOfCare.Cli.Commands;

/// <summary>
/// The one check every verb makes on a file argument before reading it (docs/cli.md "Exit codes", code 2): it must
/// exist and be a file — a folder passed by mistake is named as such rather than reported as "access denied".
/// </summary>
internal static class InputFile
{
    /// <summary>Why <paramref name="path"/> cannot be read as a file, or null when it can be opened.</summary>
    public static string? Problem(string path) =>
        Directory.Exists(path) ? $"{path} is a directory, not a file"
        : !File.Exists(path) ? $"{path}: the file does not exist"
        : null;
}
