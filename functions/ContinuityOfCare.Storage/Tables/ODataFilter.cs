using System.Globalization;
using System.Text;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// Builds OData <c>$filter</c> expressions for table queries with correctly formatted and escaped literals, so values
/// (which may come from files) can never change the meaning of a filter.
/// </summary>
/// <example><c>ODataFilter.Create($"PartitionKey eq {pk} and Due lt {instant}")</c></example>
public static class ODataFilter
{
    /// <summary>
    /// Formats an interpolated filter, turning each argument into an OData literal with <see cref="Literal"/>.
    /// </summary>
    /// <param name="filter">The interpolated filter; its format text is used verbatim.</param>
    /// <returns>The filter text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null or one of its arguments is null.</exception>
    /// <exception cref="ArgumentException">An argument's type has no OData literal form.</exception>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var literals = filter.GetArguments().Select(argument => (object)Literal(argument!)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>
    /// One OData literal: strings quoted with single quotes doubled (<c>'O''Brien'</c>), <c>datetime'…Z'</c> with 7
    /// fractional digits, <c>guid'…'</c>, 64-bit integers with an <c>L</c> suffix, <c>X'hex'</c> binary, round-trip
    /// doubles, <c>true</c>/<c>false</c>.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The literal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The value's type has no OData literal form, or a DateTime is not UTC.</exception>
    public static string Literal(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            string text => Quote(text),
            bool flag => flag ? "true" : "false",
            int number => number.ToString(CultureInfo.InvariantCulture),
            long number => number.ToString(CultureInfo.InvariantCulture) + "L",
            double number => FormatDouble(number),
            Guid guid => $"guid'{guid:D}'",
            DateTimeOffset instant => $"datetime'{EdmFormat.DateTime(instant)}'",
            DateTime { Kind: DateTimeKind.Utc } utc => $"datetime'{EdmFormat.DateTime(new DateTimeOffset(utc))}'",
            byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
            _ => throw new ArgumentException($"{value.GetType().Name} has no OData literal form (a DateTime must be UTC).", nameof(value)),
        };
    }

    /// <summary>A quoted OData string literal: single quotes inside are doubled.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The literal, e.g. <c>'O''Brien'</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new StringBuilder("'").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();
    }

    private static string FormatDouble(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentException("NaN and infinities have no OData filter literal.", nameof(number));
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        // Without a '.' or exponent the service would read the literal as Edm.Int32 and compare differently.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
