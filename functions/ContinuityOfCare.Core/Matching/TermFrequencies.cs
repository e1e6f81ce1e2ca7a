using System.Runtime.InteropServices;
using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// How common each folded surname, first forename, forename initial and date of birth is in the register
/// (docs/plan.md "Match weight": term-frequency adjustment). The same surname and date of birth is weak evidence for
/// Smith and strong evidence for a rare surname. Frequencies are smoothed towards population priors with
/// <see cref="PseudoCount"/> pseudo-clients, so a small register (tests, the samples) weighs like the population
/// rather than treating its few names as each one in a handful.
/// </summary>
public sealed class TermFrequencies
{
    /// <summary>How many pseudo-clients of prior frequency smooth each count.</summary>
    public const double PseudoCount = 1000;

    /// <summary>Prior chance two unrelated people share a surname (UK surnames: Σp² ≈ 0.0005).</summary>
    public const double SurnamePrior = 0.0005;

    /// <summary>Prior chance two unrelated people share a first forename (Σp² ≈ 0.01).</summary>
    public const double ForenamePrior = 0.01;

    /// <summary>Prior chance two unrelated people's first forenames share an initial (Σp² over initials ≈ 0.07).</summary>
    public const double InitialPrior = 0.07;

    /// <summary>Prior chance two unrelated adults share a date of birth (about 45 years of birth dates: 1 / 16,000).</summary>
    public const double BirthDatePrior = 1.0 / 16_000;

    private readonly Dictionary<string, int> _surnames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _forenames = new(StringComparer.Ordinal);
    private readonly Dictionary<char, int> _initials = [];
    private readonly Dictionary<LocalDate, int> _birthDates = [];

    /// <summary>How many clients were counted.</summary>
    public int Count { get; private set; }

    /// <summary>Counts one client.</summary>
    public void Add(FoldedParticulars client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Add(client.Surname, client.FirstForename, client.DateOfBirth);
    }

    /// <summary>Counts one client from its folded surname and first forename (spans: a register's build allocates no string per client).</summary>
    internal void Add(ReadOnlySpan<char> surname, ReadOnlySpan<char> firstForename, LocalDate? dateOfBirth)
    {
        Count++;
        Increment(_surnames, surname);
        Increment(_forenames, firstForename);
        if (firstForename.Length > 0)
        {
            Increment(_initials, firstForename[0]);
        }

        if (dateOfBirth is { } date)
        {
            Increment(_birthDates, date);
        }
    }

    /// <summary>The smoothed share of clients with this folded surname.</summary>
    public double Surname(string surname) => Smooth(_surnames.GetValueOrDefault(surname), SurnamePrior);

    /// <summary>The smoothed share of clients with this first forename.</summary>
    public double Forename(string forename) => Smooth(_forenames.GetValueOrDefault(forename), ForenamePrior);

    /// <summary>The smoothed share of clients whose first forename starts with this letter.</summary>
    public double Initial(char initial) => Smooth(_initials.GetValueOrDefault(initial), InitialPrior);

    /// <summary>The smoothed share of clients born on this date.</summary>
    public double BirthDate(LocalDate date) => Smooth(_birthDates.GetValueOrDefault(date), BirthDatePrior);

    private double Smooth(int count, double prior) => (count + (PseudoCount * prior)) / (Count + PseudoCount);

    private static void Increment<T>(Dictionary<T, int> counts, T key)
        where T : notnull
    {
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
    }

    // A name is counted under a string made only the first time it is seen.
    private static void Increment(Dictionary<string, int> counts, ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(counts.GetAlternateLookup<ReadOnlySpan<char>>(), key, out _)++;
    }
}
