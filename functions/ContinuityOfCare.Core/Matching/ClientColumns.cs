using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Identifiers;
using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The register held as columns (docs/benchmarks.md "Planning"): one array per field, identifiers packed
/// (<see cref="CompactIdentifiers"/>), consents shared, strings kept as the parser handed them (its string pool already
/// shares repeated names and codes). A <see cref="Client"/> is made only when matching needs one — a match, a candidate
/// — instead of a million living objects. A client given whole (<see cref="Add(Client)"/>: a row the parser read on its
/// general path, or a register loaded from storage) is kept whole and returned as it was given.
/// </summary>
internal sealed class ClientColumns
{
    private const int InitialCapacity = 1024;

    // Legal basis + 1 in the low bits (0: none), PPO in the top bit.
    private const int LegalBasisMask = 0x7F;
    private const int PpoFlag = 0x80;
    private readonly List<Consent> _consents = [];
    private readonly Dictionary<Consent, int> _consentNumbers = new(ReferenceEqualityComparer.Instance);
    private string[] _ids = new string[InitialCapacity];
    private string[] _surnames = new string[InitialCapacity];
    private string[] _forenames = new string[InitialCapacity];
    private LocalDate[] _datesOfBirth = new LocalDate[InitialCapacity];
    private string?[] _genders = new string?[InitialCapacity];
    private int[] _pncs = new int[InitialCapacity];
    private int[] _cros = new int[InitialCapacity];
    private int[] _noms = new int[InitialCapacity];
    private string?[] _postcodes = new string?[InitialCapacity];
    private string?[] _cjitCodes = new string?[InitialCapacity];
    private string?[] _prisons = new string?[InitialCapacity];
    private LocalDate?[] _releaseDates = new LocalDate?[InitialCapacity];
    private int[] _consentOf = new int[InitialCapacity];
    private byte[] _flags = new byte[InitialCapacity];
    private Client?[]? _whole;

    public int Count { get; private set; }

    public string IdAt(int position) => _ids[position];

    public string SurnameAt(int position) => _surnames[position];

    public string ForenamesAt(int position) => _forenames[position];

    public LocalDate DateOfBirthAt(int position) => _datesOfBirth[position];

    /// <summary>The client at a position: the one given whole, or one made from the columns.</summary>
    public Client At(int position)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)position, (uint)Count, nameof(position));
        if (_whole?[position] is { } whole)
        {
            return whole;
        }

        var flags = _flags[position];
        LegalBasis? basis = (flags & LegalBasisMask) == 0 ? null : (LegalBasis)((flags & LegalBasisMask) - 1);
        return new CompactClient(
            _ids[position], _surnames[position], _forenames[position], _datesOfBirth[position], _genders[position],
            _pncs[position], _cros[position], _noms[position], _postcodes[position], _cjitCodes[position], _prisons[position],
            _releaseDates[position], _consents[_consentOf[position]], basis, (flags & PpoFlag) != 0).ToClient();
    }

    /// <summary>The client's folded names and date of birth, as matching compares them.</summary>
    public FoldedParticulars FoldedAt(int position) =>
        new(NameFolding.Surname(_surnames[position]), NameFolding.Forenames(_forenames[position]), _datesOfBirth[position]);

    public void Add(in CompactClient row)
    {
        var position = Next();
        _ids[position] = row.Id;
        _surnames[position] = row.Surname;
        _forenames[position] = row.Forenames;
        _datesOfBirth[position] = row.DateOfBirth;
        _genders[position] = row.Gender;
        _pncs[position] = row.Pnc;
        _cros[position] = row.Cro;
        _noms[position] = row.Noms;
        _postcodes[position] = row.HomePostcode;
        _cjitCodes[position] = row.CjitCode;
        _prisons[position] = row.CurrentPrison;
        _releaseDates[position] = row.ReleaseDate;
        _consentOf[position] = ConsentNumber(row.Consent);
        _flags[position] = (byte)((row.LegalBasis is { } basis ? (int)basis + 1 : 0) | (row.Ppo ? PpoFlag : 0));
    }

    public void Add(Client client)
    {
        var position = Next();
        _whole ??= new Client?[_ids.Length];
        _whole[position] = client;
        _ids[position] = client.Id;
        _surnames[position] = client.Surname;
        _forenames[position] = client.Forenames;
        _datesOfBirth[position] = client.DateOfBirth;
    }

    private int ConsentNumber(Consent consent)
    {
        if (!_consentNumbers.TryGetValue(consent, out var number))
        {
            number = _consents.Count;
            _consents.Add(consent);
            _consentNumbers.Add(consent, number);
        }

        return number;
    }

    private int Next()
    {
        if (Count == _ids.Length)
        {
            var capacity = _ids.Length * 2;
            Array.Resize(ref _ids, capacity);
            Array.Resize(ref _surnames, capacity);
            Array.Resize(ref _forenames, capacity);
            Array.Resize(ref _datesOfBirth, capacity);
            Array.Resize(ref _genders, capacity);
            Array.Resize(ref _pncs, capacity);
            Array.Resize(ref _cros, capacity);
            Array.Resize(ref _noms, capacity);
            Array.Resize(ref _postcodes, capacity);
            Array.Resize(ref _cjitCodes, capacity);
            Array.Resize(ref _prisons, capacity);
            Array.Resize(ref _releaseDates, capacity);
            Array.Resize(ref _consentOf, capacity);
            Array.Resize(ref _flags, capacity);
            if (_whole is not null)
            {
                Array.Resize(ref _whole, capacity);
            }
        }

        return Count++;
    }
}
