using System.Globalization;
using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Core.Planning;

/// <summary>The text forms of instants, dates and codes in plan JSON (docs/plan.md), shared by writer and reader.</summary>
public static class PlanJsonFormats
{
    /// <summary>Europe/London local time with its offset, e.g. <c>2026-12-29T09:00:00+00:00</c>.</summary>
    public static OffsetDateTimePattern LondonPattern { get; } =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    /// <summary>The same instant in UTC, e.g. <c>2026-12-29T09:00:00Z</c>.</summary>
    public static InstantPattern UtcPattern { get; } = InstantPattern.ExtendedIso;

    /// <summary>ISO dates, <c>YYYY-MM-DD</c>.</summary>
    public static LocalDatePattern DatePattern { get; } = LocalDatePattern.Iso;

    /// <summary>An instant as Europe/London local time with offset.</summary>
    public static string London(Instant instant) => LondonPattern.Format(LondonTime(instant));

    /// <summary>An instant as the Europe/London local time and offset that <see cref="LondonPattern"/> writes.</summary>
    public static OffsetDateTime LondonTime(Instant instant) => instant.InZone(WorkingCalendar.London).ToOffsetDateTime();

    /// <summary>An instant in UTC.</summary>
    public static string Utc(Instant instant) => UtcPattern.Format(instant);

    /// <summary>Parses either form back to an instant.</summary>
    /// <exception cref="FormatException">Neither form.</exception>
    public static Instant ParseInstant(string text)
    {
        var utc = UtcPattern.Parse(text);
        if (utc.Success)
        {
            return utc.Value;
        }

        var london = LondonPattern.Parse(text);
        return london.Success
            ? london.Value.ToInstant()
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"not an ISO-8601 instant: {text}"));
    }

    /// <summary>UPPER_SNAKE_CASE of a PascalCase enum name: <c>ConsentMissing</c> → <c>CONSENT_MISSING</c>.</summary>
    public static string UpperSnake(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
