namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The match weight's parameters and arithmetic (docs/plan.md "Match weight"), after Fellegi and Sunter as Splink and
/// MoJ's person-record service use it: weight = log₂(prior odds) + Σ log₂(m / u) over surname, first forename, middle
/// names and date of birth. m is the chance of the level when the record IS the client (set from how often lists and
/// registers disagree, documented in docs/plan.md, not fitted); u is the chance when it is not, taken from the register
/// itself (<see cref="TermFrequencies"/>) for agreeing values, so a shared common name counts for little. The prior is
/// the chance that a listed defendant is a client (<see cref="ClientShare"/>) spread over the register's clients.
/// </summary>
public static class MatchWeightModel
{
    /// <summary>The share of listed defendants assumed to be clients of some team (the prior).</summary>
    public const double ClientShare = 0.1;

    /// <summary>
    /// A plausible near miss is held when its weight is at least this (bits): posterior odds of 1 in 2^6, about 1.5 %.
    /// Below it the record counts as a stranger's: at register scale the agreement is more likely a coincidence than a
    /// slip, and holding it would flood the reviewers (docs/plan.md "Held matches stay few").
    /// </summary>
    public const double HoldThreshold = -6.0;

    /// <summary>u for a one-letter slip in a name: the chance an unrelated person's name is one slip from the client's.</summary>
    private const double SlipChance = 0.002;

    /// <summary>Registers hold about 45 years of births (the date-of-birth prior).</summary>
    private const double YearsOfBirth = 45;

    /// <summary>The weight of <paramref name="comparison"/> of <paramref name="record"/> with <paramref name="client"/>.</summary>
    public static MatchWeight Weigh(
        ParticularsComparison comparison, FoldedParticulars record, FoldedParticulars client, TermFrequencies frequencies)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(frequencies);
        var size = Math.Max(frequencies.Count, 1);
        var terms = new List<(string Field, string Level, double Bits)>(5)
        {
            ("prior", $"1 in {size} clients", Math.Log2(ClientShare / (1 - ClientShare)) - Math.Log2(size)),
        };

        var (surnameM, surnameU) = comparison.Surname switch
        {
            SurnameAgreement.Same => (0.95, frequencies.Surname(client.Surname)),
            SurnameAgreement.OneEdit => (0.03, SlipChance),
            _ => (0.02, 1.0),
        };
        terms.Add(("surname", comparison.Surname.ToString(), Math.Log2(surnameM / surnameU)));

        var initial = client.FirstForename.Length > 0 ? client.FirstForename[0] : ' ';
        var (forenameM, forenameU) = comparison.Forename switch
        {
            ForenameAgreement.Same => (0.88, frequencies.Forename(client.FirstForename)),
            ForenameAgreement.Variant => (0.03, frequencies.Forename(record.FirstForename)),
            ForenameAgreement.InitialOnly => (0.03, frequencies.Initial(initial)),
            ForenameAgreement.Swapped => (0.01, frequencies.Forename(record.FirstForename)),
            ForenameAgreement.OneEdit => (0.02, SlipChance),
            ForenameAgreement.SameInitial => (0.01, frequencies.Initial(initial)),
            _ => (0.02, 1.0),
        };
        terms.Add(("forename", comparison.Forename.ToString(), Math.Log2(forenameM / forenameU)));

        var (middleM, middleU) = comparison.MiddleNames switch
        {
            MiddleNameAgreement.Different => (0.03, 0.9),
            _ => (0.97, 1.0),
        };
        terms.Add(("middleNames", comparison.MiddleNames.ToString(), Math.Log2(middleM / middleU)));

        var birthFrequency = client.DateOfBirth is { } clientDate ? frequencies.BirthDate(clientDate) : TermFrequencies.BirthDatePrior;
        var (dateM, dateU) = comparison.BirthDate switch
        {
            BirthDateAgreement.Same => (0.95, birthFrequency),
            BirthDateAgreement.DayMonthSwapped => (0.01, birthFrequency),
            BirthDateAgreement.OneDay => (0.005, 2 * birthFrequency),
            BirthDateAgreement.OneDigit => (0.015, Math.Min(1.0, BirthDateSlips.Variants(record.DateOfBirth!.Value).Count * birthFrequency)),
            BirthDateAgreement.PartialAgrees => (0.9, record.PartialDateOfBirth?.Month is null ? 1 / YearsOfBirth : 1 / (YearsOfBirth * 12)),
            BirthDateAgreement.Missing => (1.0, 1.0),
            _ => (0.02, 1.0),
        };
        terms.Add(("dateOfBirth", comparison.BirthDate.ToString(), Math.Log2(dateM / dateU)));

        var total = terms.Sum(t => t.Bits);
        return new MatchWeight(Round(total), [.. terms.Select(t => new MatchWeightPart(t.Field, t.Level, Round(t.Bits)))]);
    }

    private static double Round(double bits) => Math.Round(bits, 2, MidpointRounding.AwayFromZero);
}
