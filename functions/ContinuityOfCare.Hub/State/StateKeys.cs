using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>Key helpers shared by the stores (docs/state.md "Keys").</summary>
internal static class StateKeys
{
    /// <summary>
    /// A legal PartitionKey/RowKey for an id that is not personal data (client ids, event and obligation ids): the id
    /// itself when legal, else its hex SHA-256 (stable either way). The service forbids <c>/ \ # ?</c> and controls.
    /// </summary>
    public static string Legal(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var legal = id.Length <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        return legal ? id : Sha256Hex(id);
    }

    /// <summary>A spreading bucket: the first <paramref name="hexDigits"/> hex digits of the SHA-256 of <paramref name="id"/>.</summary>
    public static string Bucket(string id, int hexDigits) => Sha256Hex(id)[..hexDigits];

    /// <summary>The UTC day of an instant, <c>yyyyMMdd</c> (sorts as text in time order).</summary>
    public static string Day(Instant instant) =>
        instant.InUtc().Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The instant as 19 zero-padded digits of .NET ticks (sorts as text in time order).</summary>
    public static string Ticks(Instant instant) =>
        instant.ToDateTimeOffset().UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The UTC <see cref="DateTimeOffset"/> Table storage stores for an instant.</summary>
    public static DateTimeOffset ToStored(Instant instant) => instant.ToDateTimeOffset();

    /// <summary>The instant from a stored <see cref="DateTimeOffset"/>.</summary>
    public static Instant FromStored(DateTimeOffset value) => Instant.FromDateTimeOffset(value);

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
