using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Identifiers;
using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// Builds a <see cref="MatchingIndex"/> one register row at a time, as the rows are read (docs/benchmarks.md
/// "Planning"): each row goes into the columnar register and its keys — identifiers, and the folded surname and first
/// forename with the date of birth — are hashed straight away, from stack buffers for plain ASCII names, so building
/// the index from a million rows allocates no string and no object per row. <see cref="Build"/> then sorts the keys of
/// each table once. A row is either a <see cref="CompactClient"/> (a parser's fast path) or a whole <see cref="Client"/>
/// (kept as given); the index treats both alike, in the order they were added. One builder builds one index.
/// </summary>
public sealed class MatchingIndexBuilder
{
    // Names longer than this are folded by the general rules (with a string), as are names that are not plain ASCII.
    private const int MaxPlainName = 64;

    private readonly ClientColumns _columns = new();
    private readonly TermFrequencies _frequencies = new();
    private readonly KeyList _byNoms = new(withPositions: true);
    private readonly KeyList _byPnc = new(withPositions: true);
    private readonly KeyList _byCro = new(withPositions: true);
    private readonly KeyList _bySurnameAndDate = new(withPositions: false);
    private readonly KeyList _bySurnameForenameAndDate = new(withPositions: false);
    private readonly KeyList _byForenameAndDate = new(withPositions: false);
    private readonly KeyList _byName = new(withPositions: false);
    private bool _built;

    /// <summary>How many clients have been added.</summary>
    public int Count => _columns.Count;

    /// <summary>Adds a row read on a parser's fast path.</summary>
    public void Add(in CompactClient row)
    {
        ObjectDisposedException.ThrowIf(_built, this);
        ArgumentNullException.ThrowIfNull(row.Id);
        ArgumentNullException.ThrowIfNull(row.Surname);
        ArgumentNullException.ThrowIfNull(row.Forenames);
        ArgumentNullException.ThrowIfNull(row.Consent);
        var position = _columns.Count;
        _columns.Add(row);
        Span<char> canonical = stackalloc char[CompactIdentifiers.PncLength];
        if (row.Noms != CompactIdentifiers.None)
        {
            CompactIdentifiers.FormatNoms(row.Noms, canonical);
            _byNoms.Add(NameKey.Identifier(canonical[..CompactIdentifiers.NomsLength]), position);
        }

        if (row.Pnc != CompactIdentifiers.None)
        {
            CompactIdentifiers.FormatPnc(row.Pnc, canonical);
            _byPnc.Add(NameKey.Identifier(canonical[..CompactIdentifiers.PncLength]), position);
        }

        if (row.Cro != CompactIdentifiers.None)
        {
            CompactIdentifiers.FormatCro(row.Cro, canonical);
            _byCro.Add(NameKey.Identifier(canonical[..CompactIdentifiers.CroLength]), position);
        }

        AddNames(row.Surname, row.Forenames, row.DateOfBirth);
    }

    /// <summary>Adds a whole client (kept as given).</summary>
    public void Add(Client client)
    {
        ObjectDisposedException.ThrowIf(_built, this);
        ArgumentNullException.ThrowIfNull(client);
        var position = _columns.Count;
        _columns.Add(client);
        if (client.Noms is { } noms)
        {
            _byNoms.Add(NameKey.Identifier(noms.Value), position);
        }

        if (client.Pnc is { } pnc)
        {
            _byPnc.Add(NameKey.Identifier(pnc.Value), position);
        }

        if (client.Cro is { } cro)
        {
            _byCro.Add(NameKey.Identifier(cro.Value), position);
        }

        AddNames(client.Surname, client.Forenames, client.DateOfBirth);
    }

    /// <summary>The index of every client added, in the order added.</summary>
    public MatchingIndex Build()
    {
        ObjectDisposedException.ThrowIf(_built, this);
        _built = true;
        return new MatchingIndex(
            _columns, _frequencies, _byNoms.Index(), _byPnc.Index(), _byCro.Index(), _bySurnameAndDate.Index(),
            _bySurnameForenameAndDate.Index(), _byForenameAndDate.Index(), _byName.Index());
    }

    // The keys of docs/plan.md "Matching": exactly those a FoldedParticulars of the client's names gives.
    private void AddNames(string surname, string forenames, LocalDate dateOfBirth)
    {
        Span<char> surnameBuffer = stackalloc char[MaxPlainName];
        Span<char> forenameBuffer = stackalloc char[MaxPlainName];
        var length = NameFolding.TryFoldPlainSurname(surname, surnameBuffer);
        ReadOnlySpan<char> foldedSurname = length >= 0 ? surnameBuffer[..length] : NameFolding.Surname(surname);
        length = NameFolding.TryFoldPlainFirstForename(forenames, forenameBuffer);
        ReadOnlySpan<char> firstForename = length >= 0 ? forenameBuffer[..length] : FirstWord(NameFolding.Forenames(forenames));
        _frequencies.Add(foldedSurname, firstForename, dateOfBirth);
        var keys = NameKey.NameKeys(foldedSurname, firstForename, dateOfBirth);
        _bySurnameAndDate.Add(keys.SurnameAndDate);
        _bySurnameForenameAndDate.Add(keys.Full);
        _byForenameAndDate.Add(keys.FirstForenameAndDate);
        _byName.Add(keys.NameOnly);
    }

    private static string FirstWord(string[] words) => words.Length == 0 ? string.Empty : words[0];

    /// <summary>One table's keys as they are added (with their positions, unless every client has a key).</summary>
    private sealed class KeyList(bool withPositions)
    {
        private ulong[] _keys = new ulong[1024];
        private int[] _positions = withPositions ? new int[1024] : [];
        private int _count;

        public void Add(ulong key)
        {
            Grow();
            _keys[_count++] = key;
        }

        public void Add(ulong key, int position)
        {
            Grow();
            _positions[_count] = position;
            _keys[_count++] = key;
        }

        /// <summary>The table of the keys added; the list lets go of its arrays.</summary>
        public HashMultiIndex Index()
        {
            var index = HashMultiIndex.Build(_keys.AsSpan(0, _count), withPositions ? _positions.AsSpan(0, _count) : default);
            _keys = [];
            _positions = [];
            return index;
        }

        private void Grow()
        {
            if (_count < _keys.Length)
            {
                return;
            }

            Array.Resize(ref _keys, _keys.Length * 2);
            if (withPositions)
            {
                Array.Resize(ref _positions, _positions.Length * 2);
            }
        }
    }
}
