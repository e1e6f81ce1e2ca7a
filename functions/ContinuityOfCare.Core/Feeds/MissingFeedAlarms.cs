using System.Globalization;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// Decides which missing-feed notices to raise now (architecture.md "Reliability rules": a missing daily feed — no
/// court list by the cut-off, no discharge export from a prison — is itself an alert). Pure: the shell passes the
/// calendar, <c>now</c>, what arrived and what was already raised, and stores the returned notices insert-if-absent.
/// <list type="bullet">
/// <item>000 Part 1 ("scrutinising daily court lists provided by HM Courts Service"), §PP13: on a working day, no court
/// list received that day by <see cref="FeedAlarmOptions.CourtListCutOff"/> → one notice for the day. Courts do not
/// sit on weekends and bank holidays, so no notice then.</item>
/// <item>000 Annex D (SMTs check "daily through LIDS the 'Discharge List' for the previous day"): for every prison in
/// the directory, no export covering yesterday by <see cref="FeedAlarmOptions.DischargeExportCutOff"/> → one notice per
/// prison. Every day, weekends included: prisons move people every day and formats.md §3 is one file per prison per day.</item>
/// </list>
/// A day the calendar does not cover is treated as a working day when it is Monday–Friday and the notice says so:
/// a needless alarm is better than a silent miss (the calendar warning is already firing by then).
/// </summary>
public static class MissingFeedAlarms
{
    /// <summary>The notices to raise at <paramref name="now"/>, in a stable order, none of them in <paramref name="alreadyRaised"/>.</summary>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="now">The current instant; "today" is its Europe/London date.</param>
    /// <param name="options">Cut-offs.</param>
    /// <param name="received">The feeds received (at least today's court lists and exports covering yesterday).</param>
    /// <param name="prisonCodes">The prisons expected to send a discharge export (see <see cref="PrisonsExpectedToReport"/>).</param>
    /// <param name="alreadyRaised">Ids of notices already raised (<see cref="FeedNoticeIds"/>).</param>
    public static IReadOnlyList<FeedNotice> Decide(
        WorkingCalendar calendar,
        Instant now,
        FeedAlarmOptions options,
        IEnumerable<FeedReceipt> received,
        IEnumerable<string> prisonCodes,
        IReadOnlySet<string> alreadyRaised)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(prisonCodes);
        ArgumentNullException.ThrowIfNull(alreadyRaised);

        var today = LondonTime.ToLocal(now).Date;
        var notices = Expected(calendar, now, options, received, prisonCodes)
            .Where(feed => feed.Missing)
            .Select(feed => feed.Kind == FeedKind.CourtList
                ? CourtListNotice(feed.Day, options.CourtListCutOff, feed.Caveat)
                : DischargeNotice(feed.PrisonCode!, feed.Day, today, options.DischargeExportCutOff));
        return [.. notices.Where(n => !alreadyRaised.Contains(n.Id))];
    }

    /// <summary>
    /// The feeds expected at <paramref name="now"/> and whether each has arrived, in a stable order: today's court list
    /// when today is a working day (courts do not sit on weekends and bank holidays; a day the calendar does not cover
    /// counts as working on Monday–Friday, with a caveat), then one discharge export covering yesterday per prison in
    /// <paramref name="prisonCodes"/>, by code. A feed is missing once its cut-off has passed and it has not arrived.
    /// </summary>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="now">The current instant; "today" is its Europe/London date.</param>
    /// <param name="options">Cut-offs.</param>
    /// <param name="received">The feeds received (at least today's court lists and exports covering yesterday).</param>
    /// <param name="prisonCodes">The prisons expected to send a discharge export (see <see cref="PrisonsExpectedToReport"/>).</param>
    public static IReadOnlyList<ExpectedFeed> Expected(
        WorkingCalendar calendar,
        Instant now,
        FeedAlarmOptions options,
        IEnumerable<FeedReceipt> received,
        IEnumerable<string> prisonCodes)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(prisonCodes);

        var local = LondonTime.ToLocal(now);
        var today = local.Date;
        var receipts = received.Where(r => r is not null).ToList();
        var feeds = new List<ExpectedFeed>();

        string? caveat = null;
        bool working;
        if (calendar.Covers(today))
        {
            working = calendar.IsWorkingDay(today);
        }
        else
        {
            working = today.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
            caveat = $" The bank-holiday calendar does not cover {today.Year}, so this weekday was treated as a working day; load a newer calendar.";
        }

        if (working)
        {
            feeds.Add(new ExpectedFeed(
                FeedKind.CourtList,
                today,
                null,
                receipts.Any(r => r.Kind == FeedKind.CourtList && r.Day == today),
                local.TimeOfDay >= LocalTime.FromTimeOnly(options.CourtListCutOff),
                caveat));
        }

        var yesterday = today.PlusDays(-1);
        var arrived = receipts
            .Where(r => r.Kind == FeedKind.DischargeExport && r.Day == yesterday && r.PrisonCode is not null)
            .Select(r => FeedNoticeIds.NormalisePrisonCode(r.PrisonCode!))
            .ToHashSet(StringComparer.Ordinal);
        var dischargeCutOffPassed = local.TimeOfDay >= LocalTime.FromTimeOnly(options.DischargeExportCutOff);
        feeds.AddRange(prisonCodes
            .Where(code => !string.IsNullOrWhiteSpace(code))
            .Select(FeedNoticeIds.NormalisePrisonCode)
            .Where(code => code.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(prison => new ExpectedFeed(FeedKind.DischargeExport, yesterday, prison, arrived.Contains(prison), dischargeCutOffPassed)));
        return feeds;
    }

    /// <summary>
    /// The day whose <see cref="Expected"/> list <paramref name="receipt"/> answers: a court list's own day (today's list
    /// is looked for today); for a discharge export, the day after the day it covers (yesterday's export is looked for
    /// today). The feed-arrival index is partitioned by this day, so a check reads one partition.
    /// </summary>
    public static LocalDate CheckedOn(FeedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Kind == FeedKind.DischargeExport ? receipt.Day.PlusDays(1) : receipt.Day;
    }

    /// <summary>
    /// The prisons that should send an export covering <paramref name="coveredDay"/>: the directory's prison SMTs
    /// whose entry was in effect on that day (a prison added today is not expected to have reported yesterday).
    /// </summary>
    public static IReadOnlyList<string> PrisonsExpectedToReport(SpocDirectory directory, LocalDate coveredDay)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return
        [
            .. directory.Entries
                .Where(e => e.OrgType == OrgType.PrisonSmt && e.EffectiveFrom <= coveredDay)
                .Select(e => FeedNoticeIds.NormalisePrisonCode(e.OrgCode))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    private static FeedNotice CourtListNotice(LocalDate today, TimeOnly cutOff, string? caveat)
    {
        var day = LondonTime.FormatDay(today);
        var time = CutOff(cutOff);
        return new FeedNotice(
            FeedNoticeIds.MissingCourtList(today),
            FeedNoticeKind.MissingCourtList,
            today,
            $"No court list received by {time} on {day}",
            $"No court list had arrived in the {InboxContainers.CourtLists} inbox by the {time} cut-off on {day}, a working day. " +
            "CJITs rely on the daily court lists to learn where clients were sent and who is due in court (000 Part 1; §PP13), " +
            $"so remands and hearings may go unalerted. Check the HMCTS feed and place today's lists in the {InboxContainers.CourtLists} container." +
            caveat);
    }

    private static FeedNotice DischargeNotice(string prison, LocalDate coveredDay, LocalDate today, TimeOnly cutOff)
    {
        var covered = LondonTime.FormatDay(coveredDay);
        var time = CutOff(cutOff);
        return new FeedNotice(
            FeedNoticeIds.MissingDischargeExport(prison, coveredDay),
            FeedNoticeKind.MissingDischargeExport,
            coveredDay,
            $"No discharge export from {prison} for {covered}",
            $"No LIDS discharge export from prison {prison} covering {covered} had arrived in the {InboxContainers.Discharges} inbox " +
            $"by the {time} cut-off on {LondonTime.FormatDay(today)}. Substance Misuse Teams check the previous day's Discharge List daily " +
            "(000 Annex D) so that transfers and releases are not missed; without the export the hub cannot alert on them. " +
            "Ask the prison to send the export (one file per prison per day, even when it has no movements).",
            prison);
    }

    private static string CutOff(TimeOnly cutOff) => cutOff.ToString("HH:mm", CultureInfo.InvariantCulture);
}
