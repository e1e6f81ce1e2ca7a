using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The text forms plan JSON (docs/plan.md) adds to NodaTime's own: Europe/London times with their offset, and
/// UPPER_SNAKE_CASE codes. UTC instants and ISO dates use NodaTime.Serialization.SystemTextJson's converters.
/// </summary>
public static class PlanJsonFormats
{
    /// <summary>Europe/London local time with its offset, e.g. <c>2026-12-29T09:00:00+00:00</c>.</summary>
    public static OffsetDateTimePattern LondonPattern { get; } =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    /// <summary>An instant as Europe/London local time with offset.</summary>
    public static string London(Instant instant) => LondonPattern.Format(LondonTime(instant));

    /// <summary>An instant as the Europe/London local time and offset that <see cref="LondonPattern"/> writes.</summary>
    public static OffsetDateTime LondonTime(Instant instant) => instant.InZone(WorkingCalendar.London).ToOffsetDateTime();

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
