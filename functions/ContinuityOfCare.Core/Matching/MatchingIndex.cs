using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The client register indexed for matching, built once per plan (architecture.md "State": identifier and name+DOB
/// keys → client, loaded whole, never a scan per defendant). <see cref="Match"/> applies docs/plan.md "Matching":
/// <list type="number">
/// <item>exact identifier: NOMS number; or PNC / CRO with surname or date of birth agreeing → match;</item>
/// <item>surname + first forename + date of birth equal after <see cref="NameFolding"/>, middle names absent on one
/// side or consistent, and no other client a near miss → match (<see cref="MatchRule"/> records which);</item>
/// <item>a near miss a reviewer could plausibly confirm (<see cref="ParticularsComparison.IsPlausible"/>) whose
/// <see cref="MatchWeight"/> reaches <see cref="MatchWeightModel.HoldThreshold"/>, an identifier without
/// corroboration, or several clients equally matched → possible match, held for a person, never routed;</item>
/// <item>anything else → none: the person is a stranger and nothing about them is kept.</item>
/// </list>
/// A person whose name must not be used (Crown <c>IsMasked: "yes"</c>, formats.md §1) is matched by identifiers only,
/// corroborated by date of birth only. Thread-safe for concurrent <see cref="Match"/> calls once built.
/// The register is held as columns (<see cref="MatchingIndexBuilder"/>, docs/benchmarks.md "Planning"): a
/// <see cref="Client"/> and the folded names are made for the candidates a lookup finds, not kept for every client.
/// </summary>
public sealed class MatchingIndex
{
    private readonly ClientColumns _clients;
    private readonly TermFrequencies _frequencies;
    private readonly HashMultiIndex _byNoms;
    private readonly HashMultiIndex _byPnc;
    private readonly HashMultiIndex _byCro;
    private readonly HashMultiIndex _bySurnameAndDate;
    private readonly HashMultiIndex _bySurnameForenameAndDate;
    private readonly HashMultiIndex _byForenameAndDate;
    private readonly HashMultiIndex _byName;

    internal MatchingIndex(
        ClientColumns clients, TermFrequencies frequencies, HashMultiIndex byNoms, HashMultiIndex byPnc, HashMultiIndex byCro,
        HashMultiIndex bySurnameAndDate, HashMultiIndex bySurnameForenameAndDate, HashMultiIndex byForenameAndDate, HashMultiIndex byName)
    {
        _clients = clients;
        _frequencies = frequencies;
        _byNoms = byNoms;
        _byPnc = byPnc;
        _byCro = byCro;
        _bySurnameAndDate = bySurnameAndDate;
        _bySurnameForenameAndDate = bySurnameForenameAndDate;
        _byForenameAndDate = byForenameAndDate;
        _byName = byName;
    }

    /// <summary>How many clients the index holds.</summary>
    public int Count => _clients.Count;

    /// <summary>How common names and dates of birth are in this register (the match weight's u values).</summary>
    public TermFrequencies Frequencies => _frequencies;

    /// <summary>Builds the index from the register (one pass; each key is a hash lookup afterwards).</summary>
    public static MatchingIndex Build(IEnumerable<Client> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var builder = new MatchingIndexBuilder();
        foreach (var client in register)
        {
            builder.Add(client);
        }

        return builder.Build();
    }

    /// <summary>The client at a position in register order (0 to <see cref="Count"/> − 1).</summary>
    public Client ClientAt(int position) => _clients.At(position);

    /// <summary>The first client in register order with this <c>client_id</c>, or null.</summary>
    public Client? FindClient(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        for (var position = 0; position < _clients.Count; position++)
        {
            if (string.Equals(_clients.IdAt(position), clientId, StringComparison.Ordinal))
            {
                return _clients.At(position);
            }
        }

        return null;
    }

    /// <summary>Matches one person against the register (docs/plan.md "Matching").</summary>
    public MatchResult Match(PersonParticulars person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var record = FoldedParticulars.Of(person);
        var positions = new List<int>(8);

        // Rule 1: exact identifiers. NOMS alone is enough; PNC and CRO need the surname or the DOB to agree.
        var definite = new SortedDictionary<int, (MatchRule Rule, string Reason)>();
        var possible = new Dictionary<int, string>();
        if (person.Noms is { } noms)
        {
            _byNoms.CollectInto(NameKey.Identifier(noms.Value), positions);
            foreach (var position in positions)
            {
                if (_clients.At(position).Noms == noms)
                {
                    definite.TryAdd(position, (MatchRule.NomsNumber, "exact NOMS number"));
                }
            }
        }

        CorroboratedIdentifier(person.Pnc?.Value, c => c.Pnc?.Value, _byPnc, "PNC id", MatchRule.PncIdAndSurname, MatchRule.PncIdAndDateOfBirth, record, definite, possible, positions);
        CorroboratedIdentifier(person.Cro?.Value, c => c.Cro?.Value, _byCro, "CRO number", MatchRule.CroNumberAndSurname, MatchRule.CroNumberAndDateOfBirth, record, definite, possible, positions);

        if (definite.Count == 1 && !possible.Keys.Any(p => !definite.ContainsKey(p)))
        {
            var (position, (rule, reason)) = definite.First();
            return MatchResult.Match(_clients.At(position), rule, reason);
        }

        foreach (var position in definite.Count > 1 ? definite.Keys : Enumerable.Empty<int>())
        {
            possible[position] = "identifiers point to more than one client";
        }

        var hasName = record.Surname.Length > 0 && record.Forenames.Length > 0;

        // Rule 2: surname + first forename + DOB after folding, middle names absent on one side or consistent.
        if (definite.Count == 0 && hasName && record.DateOfBirth is { } dateOfBirth)
        {
            positions.Clear();
            _bySurnameAndDate.CollectInto(NameKey.SurnameAndDate(record.Surname, dateOfBirth), positions);
            var agreeing = Agreeing(record, positions);
            if (agreeing.Count == 1 && possible.Count == 0)
            {
                var (position, comparison) = agreeing[0];
                var rivals = NearMisses(record, positions, except: position);
                if (rivals.Count == 0)
                {
                    return comparison.MiddleNames == MiddleNameAgreement.Same
                        ? MatchResult.Match(_clients.At(position), MatchRule.NameAndDateOfBirth, "surname, forenames and date of birth")
                        : MatchResult.Match(_clients.At(position), MatchRule.FirstForenameAndDateOfBirth, "surname, first forename and date of birth; middle names absent on one side or consistent");
                }

                // docs/plan.md "Match rules": another client one plausible slip away makes the agreement doubtful (the
                // record may be that client with a slip that happens to give this client's particulars): a person decides.
                possible.Add(position, "surname, first forename and date of birth agree, but another client is a near miss");
                return Possible(record, possible, rivals);
            }

            foreach (var (position, _) in agreeing)
            {
                possible.TryAdd(position, agreeing.Count > 1
                    ? "several clients have the same name and date of birth"
                    : "name and date of birth agree but an identifier points to another client");
            }
        }

        // Rule 3: near misses a reviewer could plausibly confirm, weighed against the register.
        var nearMisses = hasName ? NearMisses(record, positions, except: -1) : [];
        foreach (var position in nearMisses.Keys.Where(p => possible.ContainsKey(p) || definite.ContainsKey(p)).ToList())
        {
            nearMisses.Remove(position);
        }

        return possible.Count == 0 && nearMisses.Count == 0 ? MatchResult.None : Possible(record, possible, nearMisses);
    }

    // The held candidates: those held by rule (identifiers, several equal matches), weighed for the reviewer, and the
    // near misses with the weight that qualified them.
    private MatchResult Possible(FoldedParticulars record, Dictionary<int, string> byRule, Dictionary<int, (string Reason, MatchWeight Weight)> nearMisses)
    {
        var candidates = byRule
            .Select(pair => HeldByRule(record, pair.Key, pair.Value))
            .Concat(nearMisses.Where(pair => !byRule.ContainsKey(pair.Key)).Select(pair => new MatchCandidate(_clients.At(pair.Key), pair.Value.Reason, pair.Value.Weight)))
            .OrderBy(candidate => candidate.Client.Id, StringComparer.Ordinal)
            .ToList();
        return new MatchResult(MatchKind.Possible, null, "held for a person to confirm", candidates);
    }

    private MatchCandidate HeldByRule(FoldedParticulars record, int position, string reason)
    {
        var folded = _clients.FoldedAt(position);
        return new MatchCandidate(_clients.At(position), reason, MatchWeightModel.Weigh(ParticularsComparer.Compare(record, folded), record, folded, _frequencies));
    }

    // The positions (in lookup order) whose names and date of birth agree under the match rules.
    // A loop rather than a query: it runs for every record with a name and a date of birth.
    private List<(int Position, ParticularsComparison Comparison)> Agreeing(FoldedParticulars record, List<int> positions)
    {
        var agreeing = new List<(int Position, ParticularsComparison Comparison)>();
        // The surname-and-date table holds one key per client, so its positions are distinct.
        foreach (var position in positions)
        {
            var comparison = ParticularsComparer.Compare(record, _clients.FoldedAt(position));
            if (comparison.IsNameAndBirthDateMatch)
            {
                agreeing.Add((position, comparison));
            }
        }

        return agreeing;
    }

    // docs/plan.md "What is held": candidates one plausible slip away whose weight reaches the hold threshold.
    private Dictionary<int, (string Reason, MatchWeight Weight)> NearMisses(FoldedParticulars record, List<int> positions, int except)
    {
        var held = new Dictionary<int, (string, MatchWeight)>();
        foreach (var position in NearMissCandidates(record, positions))
        {
            if (position == except)
            {
                continue;
            }

            var folded = _clients.FoldedAt(position);
            var comparison = ParticularsComparer.Compare(record, folded);
            if (comparison.IsNameAndBirthDateMatch || !comparison.IsPlausible)
            {
                continue;
            }

            var weight = MatchWeightModel.Weigh(comparison, record, folded, _frequencies);
            if (weight.Total >= MatchWeightModel.HoldThreshold)
            {
                held.Add(position, (comparison.Describe(), weight));
            }
        }

        return held;
    }

    // Every client one plausible slip away, found by lookups: same surname and DOB (forename differences); same
    // surname and first forename on a DOB one slip away; same first forename and DOB (surname slips); or, without a
    // full DOB, the same surname and first forename.
    // The result is <paramref name="positions"/> itself, sorted and without repeats (no set per record).
    private List<int> NearMissCandidates(FoldedParticulars record, List<int> positions)
    {
        positions.Clear();
        if (record.DateOfBirth is { } dob)
        {
            _bySurnameAndDate.CollectInto(NameKey.SurnameAndDate(record.Surname, dob), positions);
            _byForenameAndDate.CollectInto(NameKey.FirstForenameAndDate(record.FirstForename, dob), positions);
            SameNameOnSlippedDate(record, dob, positions);
        }
        else
        {
            _byName.CollectInto(NameKey.NameOnly(record.Surname, record.FirstForename), positions);
        }

        positions.Sort();
        var distinct = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            if (i == 0 || positions[i] != positions[i - 1])
            {
                positions[distinct++] = positions[i];
            }
        }

        positions.RemoveRange(distinct, positions.Count - distinct);
        return positions;
    }

    // The clients with the record's surname and first forename whose date of birth is one slip from the record's. A
    // name is usually shared by a few clients, so one lookup of the name and a look at each one's date replaces a lookup
    // per slipped date (about 40, each a cache miss in a table of millions); a common name falls back to those lookups.
    // Both find the same clients (the key lookups can also return a 64-bit hash collision, which the comparison then
    // judges like any candidate; the name path checks the names and the date themselves).
    private void SameNameOnSlippedDate(FoldedParticulars record, LocalDate dob, List<int> positions)
    {
        var from = positions.Count;
        _byName.CollectInto(NameKey.NameOnly(record.Surname, record.FirstForename), positions);
        var sameName = positions.Count - from;
        if (sameName == 0)
        {
            return;
        }

        var variants = BirthDateSlips.Variants(dob);
        if (sameName > variants.Count)
        {
            positions.RemoveRange(from, sameName);
            var names = NameKey.FullNamePart(record.Surname, record.FirstForename);
            foreach (var variant in variants)
            {
                _bySurnameForenameAndDate.CollectInto(NameKey.Full(names, variant), positions);
            }

            return;
        }

        var kept = from;
        for (var i = from; i < positions.Count; i++)
        {
            // The date first: a column read, where the names must be folded (strings made) to compare.
            if (!Contains(variants, _clients.DateOfBirthAt(positions[i])))
            {
                continue;
            }

            var client = _clients.FoldedAt(positions[i]);
            if (client.Surname == record.Surname && client.FirstForename == record.FirstForename)
            {
                positions[kept++] = positions[i];
            }
        }

        positions.RemoveRange(kept, positions.Count - kept);
    }

    private static bool Contains(IReadOnlyList<LocalDate> dates, LocalDate date)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] == date)
            {
                return true;
            }
        }

        return false;
    }

    private void CorroboratedIdentifier(
        string? identifier, Func<Client, string?> identifierOf, HashMultiIndex index, string label, MatchRule withSurname, MatchRule withDate,
        FoldedParticulars record, SortedDictionary<int, (MatchRule, string)> definite, Dictionary<int, string> possible, List<int> positions)
    {
        if (identifier is null)
        {
            return;
        }

        positions.Clear();
        index.CollectInto(NameKey.Identifier(identifier), positions);
        foreach (var position in positions)
        {
            var client = _clients.At(position);
            if (!string.Equals(identifierOf(client), identifier, StringComparison.Ordinal))
            {
                continue; // a hash collision, not the identifier
            }

            var surnameAgrees = record.Surname.Length > 0 && NameFolding.Surname(_clients.SurnameAt(position)) == record.Surname;
            var dateAgrees = record.DateOfBirth is { } dob && dob == client.DateOfBirth;
            if (surnameAgrees || dateAgrees)
            {
                definite.TryAdd(position, surnameAgrees
                    ? (withSurname, $"exact {label} with surname agreeing")
                    : (withDate, $"exact {label} with date of birth agreeing"));
            }
            else
            {
                possible.TryAdd(position, $"{label} agrees but neither surname nor date of birth does");
            }
        }
    }
}
