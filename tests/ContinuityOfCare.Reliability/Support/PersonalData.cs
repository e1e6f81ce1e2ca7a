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
/// spellings, PNC, CRO, NOMS, postcode), the near misses — defendants of the feeds who are no client but share a
/// client's name, or a client's date of birth and surname or forename, so the hub may hold them as a possible match
/// against that client — and the strangers: every other defendant, whose values no client or near miss shares. A
/// defendant who shares a client's PNC, CRO, NOMS or ASN is that client (matched by the identifier) and not searched
/// as someone else.
/// </summary>
internal sealed class PersonalData
{
    private readonly Dictionary<string, PersonalValue> _values = new(StringComparer.Ordinal);

    public int ClientValues => _values.Values.Count(v => v.Client);

    public int NearMissValues => _values.Values.Count(v => v.NearMiss);

    public int StrangerValues => _values.Values.Count(v => v.Stranger);

    public int NearMisses { get; private set; }

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
                data.Value(kind, value, "client " + client.Id).Clients.Add(client.Id);
            }
        }

        var names = clients.Select(c => (c.Id, Surname: Fold(c.Surname), Forename: Fold(FirstForename(c.Forenames)), c.DateOfBirth)).ToList();
        var (strangerNumber, nearMissNumber) = (0, 0);
        foreach (var person in feedPeople.Distinct())
        {
            var surname = Fold(person.Surname ?? "");
            var forename = Fold(FirstForename(person.Forenames ?? ""));
            var dob = person.DateOfBirth;
            var values = Values(person.Surname, person.Forenames, person.DateOfBirth, person.Pnc?.Value, person.Cro?.Value, person.Noms?.Value, person.Asn, null).ToList();
            if (values.Any(v => data._values.TryGetValue(v.Value, out var known) && known.Client && v.Kind is not ("name" or "date of birth")))
            {
                continue;
            }

            var near = names
                .Where(c => (c.Surname == surname && c.Forename == forename) || (c.DateOfBirth == dob && (c.Surname == surname || c.Forename == forename)))
                .Select(c => c.Id).ToList();
            if (near.Count > 0)
            {
                nearMissNumber++;
                foreach (var (kind, value) in values)
                {
                    data.Value(kind, value, "near miss " + nearMissNumber.ToString(CultureInfo.InvariantCulture)).NearClients.UnionWith(near);
                }

                continue;
            }

            strangerNumber++;
            foreach (var (kind, value) in values.Where(v => !data._values.ContainsKey(v.Value)))
            {
                data.Value(kind, value, "stranger " + strangerNumber.ToString(CultureInfo.InvariantCulture));
            }
        }

        (data.Strangers, data.NearMisses) = (strangerNumber, nearMissNumber);
        return data;
    }

    private PersonalValue Value(string kind, string folded, string label)
    {
        if (!_values.TryGetValue(folded, out var value))
        {
            _values[folded] = value = new PersonalValue(kind, label);
        }

        return value;
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
