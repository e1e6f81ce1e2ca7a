using System.Globalization;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using NodaTime;

namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>
/// Builds a register and a court list for measuring matching (docs/benchmarks.md "Matching quality"), deterministically
/// from a seed. Names follow a shifted Zipf law over real and invented names (<see cref="NamePool"/>); dates of birth
/// are uniform over 1960–2004; a third of people have a middle name. Defendants are clients listed with one
/// <see cref="MatchingVariant"/> each (<see cref="MatchingVariantShares"/>) or strangers from the same distributions.
/// No identifiers are given: the measurement is of the name and date-of-birth rules, which identifiers would bypass.
/// </summary>
public static class MatchingQualityGenerator
{
    private const int InventedSurnames = 60_000;
    private const int InventedForenames = 2_000;
    private const double MiddleNameShare = 0.35;
    private const double MaleShare = 0.75;
    private static readonly LocalDate EarliestBirth = new(1960, 1, 1);
    private const int BirthDays = 45 * 365;

    /// <summary>Builds the world.</summary>
    public static MatchingQualityWorld Generate(MatchingQualitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Clients);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Defendants);
        var random = new Random(settings.Seed);
        var surnames = new NamePool(NamePool.WithInventedTail(QualityNames.Surnames, InventedSurnames, QualityNames.SurnameStarts, QualityNames.SurnameMiddles, QualityNames.SurnameEnds), shift: 20);
        var male = new NamePool(NamePool.WithInventedTail(QualityNames.MaleForenames, InventedForenames, QualityNames.ForenameStarts, QualityNames.ForenameMiddles, QualityNames.MaleForenameEnds), shift: 3);
        var female = new NamePool(NamePool.WithInventedTail(QualityNames.FemaleForenames, InventedForenames, QualityNames.ForenameStarts, QualityNames.ForenameMiddles, QualityNames.FemaleForenameEnds), shift: 3);

        var clients = new List<Client>(settings.Clients);
        var clientKeys = new HashSet<(string, string, LocalDate)>();
        for (var i = 0; i < settings.Clients; i++)
        {
            var (surname, forenames, dob) = Person(random, surnames, male, female);
            clients.Add(new Client(
                string.Create(CultureInfo.InvariantCulture, $"Q{i + 1:0000000}"), surname, forenames, dob, null, null, null, null, null, null, null, null,
                new Consent(true, new HashSet<OrgType> { OrgType.Cjit }, new LocalDate(2026, 1, 5)), null, false));
            clientKeys.Add(Key(surname, forenames, dob));
        }

        var defendants = new List<QualityDefendant>(settings.Defendants);
        var redrawn = 0;
        for (var j = 0; j < settings.Defendants; j++)
        {
            if (clients.Count > 0 && random.NextDouble() < settings.ClientShare)
            {
                var client = clients[random.Next(clients.Count)];
                var variant = MatchingVariantShares.Pick(random.NextDouble());
                defendants.Add(new QualityDefendant(Apply(random, variant, client, male), client.Id, variant));
                continue;
            }

            while (true)
            {
                var (surname, forenames, dob) = Person(random, surnames, male, female);
                if (clientKeys.Contains(Key(surname, forenames, dob)))
                {
                    redrawn++;
                    continue;
                }

                defendants.Add(new QualityDefendant(new PersonParticulars(surname, forenames, dob), null, MatchingVariant.Stranger));
                break;
            }
        }

        return new MatchingQualityWorld(clients, defendants, redrawn);
    }

    private static (string Surname, string Forenames, LocalDate Dob) Person(Random random, NamePool surnames, NamePool male, NamePool female)
    {
        var pool = random.NextDouble() < MaleShare ? male : female;
        var first = pool.Draw(random);
        var forenames = random.NextDouble() < MiddleNameShare ? first + " " + pool.Draw(random) : first;
        return (surnames.Draw(random), forenames, EarliestBirth.PlusDays(random.Next(BirthDays)));
    }

    private static (string, string, LocalDate) Key(string surname, string forenames, LocalDate dob) =>
        (NameFolding.Surname(surname), NameFolding.Forenames(forenames) is [var first, ..] ? first : string.Empty, dob);

    private static PersonParticulars Apply(Random random, MatchingVariant variant, Client client, NamePool middleNames)
    {
        var words = client.Forenames.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words[0];
        var middle = words.Length > 1 ? string.Join(' ', words[1..]) : null;
        var dob = client.DateOfBirth;
        PersonParticulars As(string surname, string forenames, LocalDate date) => new(surname, forenames, date);
        return variant switch
        {
            MatchingVariant.CaseAndSpacing => As(client.Surname.ToUpperInvariant(), "  " + string.Join("  ", words).ToUpperInvariant() + " ", dob),
            MatchingVariant.Spelling => Spelling(client, dob),
            MatchingVariant.MiddleNameAdded => As(client.Surname, client.Forenames + " " + middleNames.Draw(random), dob),
            MatchingVariant.MiddleNameMissing => As(client.Surname, first, dob),
            MatchingVariant.TrailingInitial => As(client.Surname, first + " " + (middle ?? middleNames.Draw(random))[0], dob),
            MatchingVariant.DayMonthSwapped => As(client.Surname, client.Forenames, Swapped(dob)),
            MatchingVariant.OneDigit => As(client.Surname, client.Forenames, OneDigit(random, dob)),
            MatchingVariant.OneDay => As(client.Surname, client.Forenames, dob.PlusDays(random.Next(2) == 0 ? -1 : 1)),
            MatchingVariant.ForenameVariant => ForenameVariants.Of(NameNormaliser.Normalise(first)) is { Count: > 0 } variants
                ? As(client.Surname, Replace(client.Forenames, first, variants[random.Next(variants.Count)]), dob)
                : As(client.Surname, Replace(client.Forenames, first, Slip(random, first)), dob),
            MatchingVariant.InitialOnly => As(client.Surname, first[..1], dob),
            MatchingVariant.FirstMiddleSwapped => middle is not null
                ? As(client.Surname, middle + " " + first, dob)
                : As(client.Surname, Slip(random, first), dob),
            MatchingVariant.ForenameSlip => As(client.Surname, Replace(client.Forenames, first, Slip(random, first)), dob),
            MatchingVariant.SurnameSlip => As(Slip(random, client.Surname), client.Forenames, dob),
            MatchingVariant.MiddleMissingAndDateSwapped => As(client.Surname, first, Swapped(dob)),
            _ => As(client.Surname, client.Forenames, dob),
        };
    }

    // The spellings the folding rules are about, where the name has one; otherwise upper case.
    private static PersonParticulars Spelling(Client client, LocalDate dob)
    {
        var surname = client.Surname;
        string changed;
        if (surname.Contains('\'', StringComparison.Ordinal))
        {
            changed = surname.Replace("'", string.Empty, StringComparison.Ordinal);
        }
        else if (surname.Contains('-', StringComparison.Ordinal))
        {
            changed = surname.Replace('-', ' ');
        }
        else if (surname.StartsWith("Mc", StringComparison.Ordinal))
        {
            changed = "Mac" + surname[2..];
        }
        else if (surname.StartsWith("Mac", StringComparison.Ordinal))
        {
            changed = "Mc" + surname[3..];
        }
        else if (surname.StartsWith("St ", StringComparison.Ordinal))
        {
            changed = "Saint " + surname[3..];
        }
        else if (surname.Any(c => c > 127))
        {
            changed = NameNormaliser.Normalise(surname);
        }
        else
        {
            var forenames = client.Forenames.Any(c => c > 127) ? NameNormaliser.Normalise(client.Forenames) : client.Forenames.ToUpperInvariant();
            return new PersonParticulars(surname.ToUpperInvariant(), forenames, dob);
        }

        return new PersonParticulars(changed, client.Forenames, dob);
    }

    private static LocalDate Swapped(LocalDate dob) =>
        dob.Day <= 12 && dob.Day != dob.Month ? new LocalDate(dob.Year, dob.Day, dob.Month) : dob.PlusDays(1);

    private static LocalDate OneDigit(Random random, LocalDate dob)
    {
        var slips = BirthDateSlips.Variants(dob).Where(v => BirthDateSlips.DigitsDiffering(v, dob) == 1).ToList();
        return slips[random.Next(slips.Count)];
    }

    // One letter changed, never the first (slips after the first letter are the common ones, and the first letter is
    // what an index by initial relies on).
    private static string Slip(Random random, string name)
    {
        if (name.Length < 2)
        {
            return name + "A";
        }

        var position = 1 + random.Next(name.Length - 1);
        var letters = "abcdefghijklmnopqrstuvwxyz".Where(c => char.ToLowerInvariant(name[position]) != c).ToArray();
        return name[..position] + letters[random.Next(letters.Length)] + name[(position + 1)..];
    }

    private static string Replace(string forenames, string first, string replacement) => replacement + forenames[first.Length..];
}
