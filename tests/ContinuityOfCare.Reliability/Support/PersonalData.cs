using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Samples;
using NodaTime;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// The personal values a run must not leak, each folded to lower-case letters and digits (so "Hall, Daniel",
/// "DANIEL HALL" and "daniel-hall" are one value): the register's clients (names, dates of birth in the usual
/// spellings, PNC, CRO, NOMS, postcode) and the strangers — defendants of the feeds who are no client and no near miss —
/// whose values no client shares.
/// </summary>
internal sealed class PersonalData
{
    private readonly Dictionary<string, PersonalValue> _values = new(StringComparer.Ordinal);

    public int ClientValues => _values.Values.Count(v => v.Client);

    public int StrangerValues => _values.Values.Count(v => !v.Client);

    public int Strangers { get; private set; }

    public bool TryFind(string folded, out PersonalValue value) => _values.TryGetValue(folded, out value!);

    public static PersonalData From(SampleWorld world)
    {
        return From(world.Clients, world.Listings.Select(l => l.Person).Concat(world.Results.Select(r => r.Person)).Concat(world.Discharges.Select(d => d.Person)));
    }

    public static PersonalData From(IReadOnlyList<Client> clients, IEnumerable<PersonParticulars> feedPeople)
    {
        var data = new PersonalData();
        foreach (var client in clients)
        {
            foreach (var (kind, value) in Values(client.Surname, client.Forenames, client.DateOfBirth, client.Pnc?.Value, client.Cro?.Value, client.Noms?.Value, null, client.HomePostcode))
            {
                data._values.TryAdd(value, new PersonalValue(kind, client.Id, Client: true));
            }
        }

        var names = clients.Select(c => (Surname: Fold(c.Surname), Forename: Fold(FirstForename(c.Forenames)), c.DateOfBirth)).ToList();
        var strangerNumber = 0;
        foreach (var person in feedPeople.Distinct())
        {
            var surname = Fold(person.Surname ?? "");
            var forename = Fold(FirstForename(person.Forenames ?? ""));
            var dob = person.DateOfBirth;
            // A near miss of a client (same name; same surname or forename with the same date of birth) may rightly be
            // held as a possible match: not a stranger.
            var nearClient = names.Any(c => (c.Surname == surname && c.Forename == forename) || (c.DateOfBirth == dob && (c.Surname == surname || c.Forename == forename)));
            var values = Values(person.Surname, person.Forenames, person.DateOfBirth, person.Pnc?.Value, person.Cro?.Value, person.Noms?.Value, person.Asn, null).ToList();
            if (nearClient || values.Any(v => data._values.TryGetValue(v.Value, out var known) && known.Client && v.Kind is not ("name" or "date of birth")))
            {
                continue;
            }

            strangerNumber++;
            foreach (var (kind, value) in values.Where(v => !data._values.ContainsKey(v.Value)))
            {
                data._values[value] = new PersonalValue(kind, "stranger " + strangerNumber.ToString(CultureInfo.InvariantCulture), Client: false);
            }
        }

        data.Strangers = strangerNumber;
        return data;
    }

    /// <summary>Lower-case letters and digits only.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static string FirstForename(string forenames) => forenames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    private static IEnumerable<(string Kind, string Value)> Values(string? surname, string? forenames, LocalDate? dob, string? pnc, string? cro, string? noms, string? asn, string? postcode)
    {
        if (!string.IsNullOrWhiteSpace(surname) && !string.IsNullOrWhiteSpace(forenames))
        {
            var first = FirstForename(forenames);
            foreach (var name in new[] { first + surname, surname + first, forenames + surname, surname + forenames })
            {
                yield return ("name", Fold(name));
            }
        }

        if (dob is { } date)
        {
            foreach (var pattern in new[] { "yyyyMMdd", "ddMMyyyy", "MMddyyyy", "dMMMyyyy", "ddMMMyyyy", "dMMMMyyyy", "ddMMMMyyyy" })
            {
                yield return ("date of birth", Fold(date.ToString(pattern, CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (kind, value) in new[] { ("PNC", pnc), ("CRO", cro), ("NOMS", noms), ("ASN", asn), ("postcode", postcode) })
        {
            if (!string.IsNullOrWhiteSpace(value) && Fold(value).Length >= 6)
            {
                yield return (kind, Fold(value));
            }
        }
    }
}

/// <summary>One personal value: what it is, whose (a client id or "stranger N"), and whether it is a client's.</summary>
internal sealed record PersonalValue(string Kind, string Owner, bool Client);
