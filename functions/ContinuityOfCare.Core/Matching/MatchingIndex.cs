using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The client register indexed for matching, built once per plan (architecture.md "State": identifier and name+DOB
/// keys → client, loaded whole, never a scan per defendant). <see cref="Match"/> applies docs/domain.md "Matching":
/// <list type="number">
/// <item>exact identifier: NOMS number; or PNC / CRO with surname or date of birth agreeing → match;</item>
/// <item>surname + forename(s) + date of birth equal after <see cref="NameNormaliser"/> → match;</item>
/// <item>anything weaker (day/month swapped, ±1 day, surname + DOB only, forename initial only, identifier without
/// corroboration, several clients equally matched) → possible match, held for a person, never routed.</item>
/// </list>
/// A person whose name must not be used (Crown <c>IsMasked: "yes"</c>, formats.md §1) is matched by identifiers only,
/// corroborated by date of birth only. Thread-safe for concurrent <see cref="Match"/> calls once built.
/// </summary>
public sealed class MatchingIndex
{
    private const int BuildBatch = 16;
    private const int KeysPerClient = 6;
    private readonly Client[] _clients;

    // Kept so the build's slot reads (HashMultiIndex.Touch) are not optimised away; never read.
    private readonly int _buildTouches;
    private readonly HashMultiIndex _byNoms;
    private readonly HashMultiIndex _byPnc;
    private readonly HashMultiIndex _byCro;
    private readonly HashMultiIndex _byFullName;
    private readonly HashMultiIndex _bySurnameAndDate;
    private readonly HashMultiIndex _byNameOnly;

    private MatchingIndex(Client[] clients)
    {
        _clients = clients;
        var capacity = clients.Length;
        _byNoms = new HashMultiIndex(clients.Count(c => c.Noms is not null));
        _byPnc = new HashMultiIndex(clients.Count(c => c.Pnc is not null));
        _byCro = new HashMultiIndex(clients.Count(c => c.Cro is not null));
        _byFullName = new HashMultiIndex(capacity);
        _bySurnameAndDate = new HashMultiIndex(capacity);
        _byNameOnly = new HashMultiIndex(capacity);
        // Clients go in batches: first every key of the batch is computed and its home slot read, so the batch's cache
        // misses overlap; then the keys are added in exactly the order a one-by-one build would add them.
        Span<ulong> keys = stackalloc ulong[BuildBatch * KeysPerClient];
        Span<bool> hasIdentifier = stackalloc bool[BuildBatch * 3];
        var touched = 0;
        for (var start = 0; start < clients.Length; start += BuildBatch)
        {
            var end = Math.Min(start + BuildBatch, clients.Length);
            for (var position = start; position < end; position++)
            {
                var client = clients[position];
                var k = (position - start) * KeysPerClient;
                var h = (position - start) * 3;
                hasIdentifier[h] = client.Noms is not null;
                hasIdentifier[h + 1] = client.Pnc is not null;
                hasIdentifier[h + 2] = client.Cro is not null;
                keys[k] = client.Noms is { } noms ? NameKey.Identifier(noms.Value) : 0;
                keys[k + 1] = client.Pnc is { } pnc ? NameKey.Identifier(pnc.Value) : 0;
                keys[k + 2] = client.Cro is { } cro ? NameKey.Identifier(cro.Value) : 0;
                var surname = NameNormaliser.Normalise(client.Surname);
                var forenames = NameNormaliser.Normalise(client.Forenames);
                keys[k + 3] = NameKey.Full(surname, forenames, client.DateOfBirth);
                keys[k + 4] = NameKey.SurnameAndDate(surname, client.DateOfBirth);
                keys[k + 5] = NameKey.NameOnly(surname, forenames);
                touched += (hasIdentifier[h] ? _byNoms.Touch(keys[k]) : 0)
                    + (hasIdentifier[h + 1] ? _byPnc.Touch(keys[k + 1]) : 0)
                    + (hasIdentifier[h + 2] ? _byCro.Touch(keys[k + 2]) : 0)
                    + _byFullName.Touch(keys[k + 3]) + _bySurnameAndDate.Touch(keys[k + 4]) + _byNameOnly.Touch(keys[k + 5]);
            }

            for (var position = start; position < end; position++)
            {
                var k = (position - start) * KeysPerClient;
                var h = (position - start) * 3;
                if (hasIdentifier[h])
                {
                    _byNoms.Add(keys[k], position);
                }

                if (hasIdentifier[h + 1])
                {
                    _byPnc.Add(keys[k + 1], position);
                }

                if (hasIdentifier[h + 2])
                {
                    _byCro.Add(keys[k + 2], position);
                }

                _byFullName.Add(keys[k + 3], position);
                _bySurnameAndDate.Add(keys[k + 4], position);
                _byNameOnly.Add(keys[k + 5], position);
            }
        }

        _buildTouches = touched;
    }

    /// <summary>How many clients the index holds.</summary>
    public int Count => _clients.Length;

    /// <summary>The indexed clients, in register order.</summary>
    public IReadOnlyList<Client> Clients => _clients;

    /// <summary>Builds the index from the register (one pass; each key is a dictionary lookup afterwards).</summary>
    public static MatchingIndex Build(IEnumerable<Client> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return new MatchingIndex([.. register]);
    }

    /// <summary>Matches one person against the register (docs/domain.md "Matching").</summary>
    public MatchResult Match(PersonParticulars person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var nameUsable = person.NameUsableForMatching;
        var surname = nameUsable ? NameNormaliser.Normalise(person.Surname) : string.Empty;
        var forenames = nameUsable ? NameNormaliser.Normalise(person.Forenames) : string.Empty;
        var positions = new List<int>(4);

        // Step 1: exact identifiers. NOMS alone is enough; PNC and CRO need the surname or the DOB to agree.
        var definite = new SortedDictionary<int, string>();
        var possible = new Dictionary<int, string>();
        if (person.Noms is { } noms)
        {
            positions.Clear();
            _byNoms.CollectInto(NameKey.Identifier(noms.Value), positions);
            foreach (var position in positions)
            {
                if (_clients[position].Noms == noms)
                {
                    definite.TryAdd(position, "exact NOMS number");
                }
            }
        }

        CorroboratedIdentifier(person.Pnc?.Value, c => c.Pnc?.Value, _byPnc, "PNC id", person, surname, definite, possible, positions);
        CorroboratedIdentifier(person.Cro?.Value, c => c.Cro?.Value, _byCro, "CRO number", person, surname, definite, possible, positions);

        if (definite.Count == 1 && !possible.Keys.Any(p => !definite.ContainsKey(p)))
        {
            var (position, reason) = definite.First();
            return MatchResult.Match(_clients[position], reason);
        }

        if (definite.Count > 1)
        {
            foreach (var position in definite.Keys)
            {
                possible[position] = "identifiers point to more than one client";
            }
        }

        var hasName = surname.Length > 0 && forenames.Length > 0;

        // Step 2: exact normalised surname + forenames + DOB.
        if (definite.Count == 0 && hasName && person.DateOfBirth is { } dateOfBirth)
        {
            positions.Clear();
            _byFullName.CollectInto(NameKey.Full(surname, forenames, dateOfBirth), positions);
            var exact = positions.Where(p => SameFullName(_clients[p], surname, forenames, dateOfBirth)).Distinct().ToList();
            if (exact.Count == 1 && possible.Count == 0)
            {
                return MatchResult.Match(_clients[exact[0]], "surname, forenames and date of birth");
            }

            foreach (var position in exact)
            {
                possible.TryAdd(position, exact.Count > 1
                    ? "several clients have the same name and date of birth"
                    : "name and date of birth agree but an identifier points to another client");
            }
        }

        // Step 3: weaker evidence, held for a person.
        if (nameUsable && surname.Length > 0)
        {
            if (person.DateOfBirth is { } dob)
            {
                if (forenames.Length > 0)
                {
                    if (dob.Day <= 12 && dob.Day != dob.Month)
                    {
                        AddFullNameCandidates(surname, forenames, new LocalDate(dob.Year, dob.Day, dob.Month), "date of birth day and month swapped", possible, positions);
                    }

                    AddFullNameCandidates(surname, forenames, dob.PlusDays(-1), "date of birth differs by one day", possible, positions);
                    AddFullNameCandidates(surname, forenames, dob.PlusDays(1), "date of birth differs by one day", possible, positions);
                }

                positions.Clear();
                _bySurnameAndDate.CollectInto(NameKey.SurnameAndDate(surname, dob), positions);
                foreach (var position in positions)
                {
                    var client = _clients[position];
                    if (client.DateOfBirth != dob || NameNormaliser.Normalise(client.Surname) != surname || possible.ContainsKey(position))
                    {
                        continue;
                    }

                    possible.Add(position, InitialOnly(forenames, NameNormaliser.Normalise(client.Forenames))
                        ? "surname and date of birth agree; forename initial only"
                        : "surname and date of birth agree; forenames differ");
                }
            }
            else if (forenames.Length > 0)
            {
                positions.Clear();
                _byNameOnly.CollectInto(NameKey.NameOnly(surname, forenames), positions);
                foreach (var position in positions)
                {
                    var client = _clients[position];
                    if (NameNormaliser.Normalise(client.Surname) == surname && NameNormaliser.Normalise(client.Forenames) == forenames)
                    {
                        possible.TryAdd(position, "name agrees; no date of birth to compare");
                    }
                }
            }
        }

        if (possible.Count == 0)
        {
            return MatchResult.None;
        }

        var candidates = possible
            .Select(pair => new MatchCandidate(_clients[pair.Key], pair.Value))
            .OrderBy(candidate => candidate.Client.Id, StringComparer.Ordinal)
            .ToList();
        return new MatchResult(MatchKind.Possible, null, "held for a person to confirm", candidates);
    }

    private void CorroboratedIdentifier(
        string? identifier, Func<Client, string?> identifierOf, HashMultiIndex index, string label, PersonParticulars person, string surname,
        SortedDictionary<int, string> definite, Dictionary<int, string> possible, List<int> positions)
    {
        if (identifier is null)
        {
            return;
        }

        positions.Clear();
        index.CollectInto(NameKey.Identifier(identifier), positions);
        foreach (var position in positions)
        {
            var client = _clients[position];
            if (!string.Equals(identifierOf(client), identifier, StringComparison.Ordinal))
            {
                continue; // a hash collision, not the identifier
            }

            var surnameAgrees = surname.Length > 0 && NameNormaliser.Normalise(client.Surname) == surname;
            var dateAgrees = person.DateOfBirth is { } dob && dob == client.DateOfBirth;
            if (surnameAgrees || dateAgrees)
            {
                definite.TryAdd(position, $"exact {label} with {(surnameAgrees ? "surname" : "date of birth")} agreeing");
            }
            else
            {
                possible.TryAdd(position, $"{label} agrees but neither surname nor date of birth does");
            }
        }
    }

    private void AddFullNameCandidates(
        string surname, string forenames, LocalDate dateOfBirth, string reason, Dictionary<int, string> possible, List<int> positions)
    {
        positions.Clear();
        _byFullName.CollectInto(NameKey.Full(surname, forenames, dateOfBirth), positions);
        foreach (var position in positions)
        {
            if (SameFullName(_clients[position], surname, forenames, dateOfBirth))
            {
                possible.TryAdd(position, reason);
            }
        }
    }

    private static bool SameFullName(Client client, string surname, string forenames, LocalDate dateOfBirth) =>
        client.DateOfBirth == dateOfBirth
        && NameNormaliser.Normalise(client.Surname) == surname
        && NameNormaliser.Normalise(client.Forenames) == forenames;

    // "J" against "JOHN" (either way round): only the initial can be compared.
    private static bool InitialOnly(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0 || left[0] != right[0])
        {
            return false;
        }

        return left.Split(' ')[0].Length == 1 || right.Split(' ')[0].Length == 1;
    }
}
