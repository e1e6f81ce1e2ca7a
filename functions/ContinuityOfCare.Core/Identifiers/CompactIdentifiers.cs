namespace ContinuityOfCare.Core.Identifiers;

/// <summary>
/// Valid PNC ids, CRO numbers and NOMS numbers packed into one <see cref="int"/> each, so a register of a million
/// clients can hold its identifiers as three integer columns instead of three strings per client
/// (docs/benchmarks.md "Planning"). A packed value unpacks to exactly the identifier <see cref="PncId.Create"/>,
/// <see cref="CroNumber.Create"/> or <see cref="NomsNumber.TryParse"/> gives for the same value; <see cref="None"/>
/// stands for "no identifier". Only valid identifiers can be packed: the check character is recomputed on unpacking.
/// </summary>
public static class CompactIdentifiers
{
    /// <summary>No identifier.</summary>
    public const int None = -1;

    /// <summary>The canonical text length of a PNC id (<c>YYYY/NNNNNNNC</c>).</summary>
    public const int PncLength = 13;

    /// <summary>The canonical text length of a CRO number (<c>NNNNNN/YYC</c>).</summary>
    public const int CroLength = 10;

    /// <summary>The text length of a NOMS number (<c>A1234BC</c>).</summary>
    public const int NomsLength = 7;

    private const int FirstPncYear = 1939;

    /// <summary>The check character of the PNC id of <paramref name="year"/> (1939–2038) and <paramref name="serial"/>.</summary>
    public static char PncCheck(int year, long serial) => PoliceCheckCharacter.For(year % 100, serial);

    /// <summary>The check character of the CRO number of <paramref name="twoDigitYear"/> and <paramref name="serial"/>.</summary>
    public static char CroCheck(int twoDigitYear, long serial) => PoliceCheckCharacter.For(twoDigitYear, serial);

    /// <summary>Packs the PNC id of <paramref name="year"/> (1939–2038) and <paramref name="serial"/> (0–9,999,999).</summary>
    public static int PackPnc(int year, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstPncYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2038);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9_999_999);
        return ((year - FirstPncYear) * 10_000_000) + serial;
    }

    /// <summary>Packs the CRO number of <paramref name="twoDigitYear"/> (0–99) and <paramref name="serial"/> (0–999,999).</summary>
    public static int PackCro(int twoDigitYear, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(twoDigitYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(twoDigitYear, 99);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);
        return (twoDigitYear * 1_000_000) + serial;
    }

    /// <summary>Packs a NOMS number given as its seven canonical ASCII characters (<c>A1234BC</c>); false for anything else.</summary>
    public static bool TryPackNoms(ReadOnlySpan<byte> ascii, out int packed)
    {
        packed = None;
        if (ascii.Length != NomsLength || !IsUpper(ascii[0]) || !IsUpper(ascii[5]) || !IsUpper(ascii[6]))
        {
            return false;
        }

        var digits = 0;
        for (var i = 1; i <= 4; i++)
        {
            var digit = ascii[i] - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            digits = (digits * 10) + digit;
        }

        packed = ((((ascii[0] - 'A') * 10_000) + digits) * 676) + ((ascii[5] - 'A') * 26) + (ascii[6] - 'A');
        return true;
    }

    /// <summary>The PNC id of a packed value, or null for <see cref="None"/>.</summary>
    public static PncId? Pnc(int packed) => packed == None ? null : PncId.Create(FirstPncYear + (packed / 10_000_000), packed % 10_000_000);

    /// <summary>The CRO number of a packed value, or null for <see cref="None"/>.</summary>
    public static CroNumber? Cro(int packed) => packed == None ? null : CroNumber.Create(packed / 1_000_000, packed % 1_000_000);

    /// <summary>The NOMS number of a packed value, or null for <see cref="None"/>.</summary>
    public static NomsNumber? Noms(int packed)
    {
        if (packed == None)
        {
            return null;
        }

        Span<char> text = stackalloc char[NomsLength];
        FormatNoms(packed, text);
        return NomsNumber.TryParse(new string(text), out var noms, out _) ? noms : throw new ArgumentOutOfRangeException(nameof(packed));
    }

    /// <summary>Writes the canonical text of a packed PNC id (<see cref="PncLength"/> characters).</summary>
    public static void FormatPnc(int packed, Span<char> into)
    {
        var year = FirstPncYear + (packed / 10_000_000);
        var serial = packed % 10_000_000;
        Digits(year, into[..4]);
        into[4] = '/';
        Digits(serial, into.Slice(5, 7));
        into[12] = PncCheck(year, serial);
    }

    /// <summary>Writes the canonical text of a packed CRO number (<see cref="CroLength"/> characters).</summary>
    public static void FormatCro(int packed, Span<char> into)
    {
        var year = packed / 1_000_000;
        var serial = packed % 1_000_000;
        Digits(serial, into[..6]);
        into[6] = '/';
        Digits(year, into.Slice(7, 2));
        into[9] = CroCheck(year, serial);
    }

    /// <summary>Writes the text of a packed NOMS number (<see cref="NomsLength"/> characters).</summary>
    public static void FormatNoms(int packed, Span<char> into)
    {
        into[6] = (char)('A' + (packed % 26));
        into[5] = (char)('A' + (packed / 26 % 26));
        var rest = packed / 676;
        Digits(rest % 10_000, into.Slice(1, 4));
        into[0] = (char)('A' + (rest / 10_000));
    }

    private static void Digits(int value, Span<char> into)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static bool IsUpper(byte b) => b is >= (byte)'A' and <= (byte)'Z';
}
