using System.Text.RegularExpressions;

namespace ContinuityOfCare.Storage;

/// <summary>Validation of queue, container and blob names ("Naming queues and metadata", "Naming and referencing containers, blobs, and metadata").</summary>
internal static partial class StorageNames
{
    /// <summary>The longest blob name the service accepts.</summary>
    public const int MaxBlobNameLength = 1024;

    /// <summary>
    /// A queue or container name: 3–63 lower-case letters, digits and single hyphens, starting and ending with a
    /// letter or digit.
    /// </summary>
    /// <exception cref="ArgumentNullException">The name is null.</exception>
    /// <exception cref="ArgumentException">The name breaks the rules.</exception>
    public static string ValidateLowerCaseName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!LowerCaseName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("The name must be 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", parameterName);
        }

        return name;
    }

    /// <summary>
    /// A blob name: 1–1,024 characters, no control characters, and no <c>.</c> or <c>..</c> path segments (URIs would
    /// silently collapse them and address another blob).
    /// </summary>
    /// <exception cref="ArgumentNullException">The name is null.</exception>
    /// <exception cref="ArgumentException">The name breaks the rules.</exception>
    public static string ValidateBlobName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (name.Length is 0 or > MaxBlobNameLength)
        {
            throw new ArgumentException($"A blob name is 1 to {MaxBlobNameLength} characters.", parameterName);
        }

        if (name.Any(char.IsControl) || name.Split('/').Any(segment => segment is "." or ".."))
        {
            throw new ArgumentException("A blob name may not contain control characters or '.'/'..' path segments.", parameterName);
        }

        return name;
    }

    /// <summary>A metadata name is a C# identifier (letters, digits, underscore; not starting with a digit).</summary>
    /// <exception cref="ArgumentException">The name or value breaks the rules (values must be printable ASCII for HTTP headers).</exception>
    public static void ValidateMetadata(IEnumerable<KeyValuePair<string, string>> metadata, string parameterName)
    {
        foreach (var (name, value) in metadata)
        {
            if (name is null || !MetadataName().IsMatch(name))
            {
                throw new ArgumentException("Metadata names must be C# identifiers.", parameterName);
            }

            if (value is null || value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException("Metadata values must be non-null printable ASCII.", parameterName);
            }
        }
    }

    /// <summary>The blob name escaped for a URI path: each '/'-separated segment percent-encoded (UTF-8), slashes kept.</summary>
    public static string EscapeBlobPath(string blobName) => string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerCaseName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataName();
}
