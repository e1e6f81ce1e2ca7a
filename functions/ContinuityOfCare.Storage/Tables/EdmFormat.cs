using System.Globalization;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>Text forms of Edm values shared by the JSON serializer and the filter builder.</summary>
internal static class EdmFormat
{
    /// <summary>ISO 8601 UTC with exactly seven fractional digits, the Table service's full precision.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an Edm.DateTime as a UTC instant (any fractional precision, 'Z' or offset).</summary>
    /// <exception cref="FormatException">Not an ISO 8601 instant.</exception>
    public static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
