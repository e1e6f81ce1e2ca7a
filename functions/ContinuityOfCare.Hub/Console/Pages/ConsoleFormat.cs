using System.Globalization;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>How the console shows times, durations and states (Europe/London, as every deadline is shown).</summary>
public static class ConsoleFormat
{
    /// <summary>An instant in London time, e.g. "Tue 29 Dec 2026 09:00".</summary>
    public static string When(Instant instant) => LondonTime.Format(instant);

    /// <summary>An optional instant.</summary>
    public static string When(Instant? instant) => instant is { } value ? When(value) : "—";

    /// <summary>"3 days 4 hours", "5 hours", "20 minutes".</summary>
    public static string Span(Duration duration)
    {
        var d = duration < Duration.Zero ? -duration : duration;
        return d.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Days} day{(d.Days == 1 ? "" : "s")} {d.Hours} hour{(d.Hours == 1 ? "" : "s")}")
            : d.Hours > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{d.Hours} hour{(d.Hours == 1 ? "" : "s")} {d.Minutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{d.Minutes} min");
    }

    /// <summary>Time left or overdue by, for a not-yet-closed obligation; the closing for a closed one.</summary>
    public static string TimeLeft(Obligation obligation, Instant now)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (obligation.IsClosed)
        {
            return obligation.State == ObligationState.Cancelled ? "cancelled" : "fulfilled " + When(obligation.ClosedAt);
        }

        return now > obligation.Due ? "overdue by " + Span(now - obligation.Due) : Span(obligation.Due - now) + " left";
    }

    /// <summary>A state as a coloured tag.</summary>
    public static string StateTag(ObligationState state) => state switch
    {
        ObligationState.Open => Html.Tag("Open", "blue"),
        ObligationState.Overdue => Html.Tag("Overdue", "orange"),
        ObligationState.EscalatedLevel1 => Html.Tag("Escalated level 1", "red"),
        ObligationState.EscalatedLevel2 => Html.Tag("Escalated level 2", "red"),
        ObligationState.EscalatedLevel3 => Html.Tag("Escalated level 3", "red"),
        ObligationState.FulfilledOnTime => Html.Tag("Fulfilled on time", "green"),
        ObligationState.FulfilledLate => Html.Tag("Fulfilled late", "yellow"),
        _ => Html.Tag("Cancelled", "grey"),
    };

    /// <summary>The escalation level reached (0 before any).</summary>
    public static int Level(ObligationState state) => state switch
    {
        ObligationState.EscalatedLevel1 => 1,
        ObligationState.EscalatedLevel2 => 2,
        ObligationState.EscalatedLevel3 => 3,
        _ => 0,
    };
}
