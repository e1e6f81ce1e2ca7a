using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Matching;

namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>
/// Scores matching against a <see cref="MatchingQualityWorld"/>'s ground truth (docs/benchmarks.md "Matching
/// quality"): per variant, how many defendants were matched right, matched wrong, held with or without the right
/// client, or let go; and the goals' figures — wrong matches routed, the share of true clients matched or held, the
/// share of strangers held, and the precision of matches and of holds.
/// </summary>
/// <param name="Outcomes">One row per variant that occurred, strangers first.</param>
/// <param name="IndexBuild">How long building the index took.</param>
/// <param name="Matching">How long matching every defendant took.</param>
public sealed record MatchingQualityReport(IReadOnlyList<VariantOutcome> Outcomes, TimeSpan IndexBuild, TimeSpan Matching)
{
    /// <summary>Defendants matched to a client they are not (strangers included): the goal is zero.</summary>
    public int WrongMatches => Outcomes.Sum(o => o.MatchedWrong);

    /// <summary>Listed clients.</summary>
    public int TrueClients => Outcomes.Where(o => o.Variant != MatchingVariant.Stranger).Sum(o => o.Defendants);

    /// <summary>Strangers listed.</summary>
    public int Strangers => Outcomes.Where(o => o.Variant == MatchingVariant.Stranger).Sum(o => o.Defendants);

    /// <summary>The share of listed clients matched right or held with the right candidate (goal ≥ 99 %).</summary>
    public double Recall => Ratio(Outcomes.Where(o => o.Variant != MatchingVariant.Stranger).Sum(o => o.MatchedRight + o.HeldWithRight), TrueClients);

    /// <summary>The share of listed clients matched right (routed without a person).</summary>
    public double MatchRecall => Ratio(Outcomes.Where(o => o.Variant != MatchingVariant.Stranger).Sum(o => o.MatchedRight), TrueClients);

    /// <summary>The share of strangers held for review (goal ≤ 2 %).</summary>
    public double StrangersHeld => Ratio(Outcomes.Where(o => o.Variant == MatchingVariant.Stranger).Sum(o => o.HeldWithoutRight), Strangers);

    /// <summary>Right matches among all matches.</summary>
    public double MatchPrecision => Ratio(Outcomes.Sum(o => o.MatchedRight), Outcomes.Sum(o => o.MatchedRight + o.MatchedWrong));

    /// <summary>Holds with the right client among all holds.</summary>
    public double HoldPrecision => Ratio(Outcomes.Sum(o => o.HeldWithRight), Outcomes.Sum(o => o.HeldWithRight + o.HeldWithoutRight));

    /// <summary>Builds the index from the world's register, matches every defendant, and scores the results.</summary>
    /// <param name="world">The world.</param>
    /// <param name="elapsed">Reads a monotonic clock (the shell passes a stopwatch): timings only, never decisions.</param>
    public static MatchingQualityReport Measure(MatchingQualityWorld world, Func<TimeSpan> elapsed)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(elapsed);
        var start = elapsed();
        var index = MatchingIndex.Build(world.Clients);
        var built = elapsed();
        var tallies = new SortedDictionary<MatchingVariant, int[]>();
        foreach (var defendant in world.Defendants)
        {
            var result = index.Match(defendant.Person);
            var tally = tallies.TryGetValue(defendant.Variant, out var t) ? t : tallies[defendant.Variant] = new int[6];
            tally[0]++;
            switch (result.Kind)
            {
                case MatchKind.Matched:
                    tally[result.Client!.Id == defendant.ClientId ? 1 : 2]++;
                    break;
                case MatchKind.Possible:
                    tally[result.Candidates.Any(c => c.Client.Id == defendant.ClientId) ? 3 : 4]++;
                    break;
                default:
                    tally[5]++;
                    break;
            }
        }

        var matched = elapsed();
        return new MatchingQualityReport(
            [.. tallies.Select(pair => new VariantOutcome(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3], pair.Value[4], pair.Value[5]))],
            built - start,
            matched - built);
    }

    /// <summary>The report as text: one row per variant, then the goals.</summary>
    public string Format(MatchingQualitySettings settings, int strangersRedrawn)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Matching quality: seed {settings.Seed}, register of {settings.Clients:N0} clients, {TrueClients + Strangers:N0} defendants ({TrueClients:N0} clients, {Strangers:N0} strangers; {strangersRedrawn:N0} strangers redrawn as indistinguishable from a client)");
        text.AppendLine(c, $"index built in {IndexBuild.TotalSeconds:F1} s; matched in {Matching.TotalSeconds:F1} s");
        text.AppendLine();
        text.AppendLine("variant                        defendants  matched-right  matched-WRONG  held-with-right  held-other  none");
        foreach (var o in Outcomes)
        {
            text.AppendLine(c, $"{o.Variant,-30} {o.Defendants,10:N0} {o.MatchedRight,14:N0} {o.MatchedWrong,14:N0} {o.HeldWithRight,16:N0} {o.HeldWithoutRight,11:N0} {o.None,5:N0}");
        }

        text.AppendLine();
        text.AppendLine(c, $"wrong matches routed:                 {WrongMatches:N0} (goal 0)");
        text.AppendLine(c, $"true clients matched or held (recall): {Recall:P2} (goal ≥ 99 %); matched alone {MatchRecall:P2}");
        text.AppendLine(c, $"strangers held:                        {StrangersHeld:P2} (goal ≤ 2 %)");
        text.AppendLine(c, $"precision of matches:                  {MatchPrecision:P3}");
        text.AppendLine(c, $"precision of holds (right client held): {HoldPrecision:P2}");
        return text.ToString();
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
