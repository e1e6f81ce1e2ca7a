using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// 64-bit FNV-1a hashes of canonical identifiers and normalised name (+ date of birth) keys. The index stores hashes rather than strings to stay
/// compact at a million clients; every hit is verified against the client's own normalised fields, so a hash
/// collision can never produce a match.
/// </summary>
internal static class NameKey
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const char Separator = '\u001F';

    public static ulong Full(string normalisedSurname, string normalisedForenames, LocalDate dateOfBirth) =>
        Full(FullNamePart(normalisedSurname, normalisedForenames), dateOfBirth);

    /// <summary>
    /// The names' share of <see cref="Full(string, string, LocalDate)"/>, so the keys of one name with many dates
    /// (a record's date-of-birth slips) hash the names once.
    /// </summary>
    public static ulong FullNamePart(string normalisedSurname, string normalisedForenames) =>
        Text(Text(Text(OffsetBasis, normalisedSurname), Separator), normalisedForenames);

    /// <summary><see cref="Full(string, string, LocalDate)"/> from its names' share (<see cref="FullNamePart"/>).</summary>
    public static ulong Full(ulong namePart, LocalDate dateOfBirth) => Date(namePart, dateOfBirth);

    public static ulong SurnameAndDate(string normalisedSurname, LocalDate dateOfBirth) =>
        Date(Text(Text(OffsetBasis, normalisedSurname), Separator), dateOfBirth) ^ 0x5A5A5A5AUL;

    public static ulong NameOnly(string normalisedSurname, string normalisedForenames) =>
        Text(Text(Text(OffsetBasis, normalisedSurname), Separator), normalisedForenames) ^ 0xA5A5A5A5UL;

    public static ulong FirstForenameAndDate(string normalisedForename, LocalDate dateOfBirth) =>
        Date(Text(Text(OffsetBasis, Separator), normalisedForename), dateOfBirth) ^ 0xC3C3C3C3UL;

    public static ulong Identifier(string canonical) => Text(OffsetBasis, canonical) ^ 0x3C3C3C3CUL;

    private static ulong Text(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = Text(hash, c);
        }

        return hash;
    }

    private static ulong Text(ulong hash, char c)
    {
        hash = (hash ^ (byte)c) * Prime;
        return (hash ^ (byte)(c >> 8)) * Prime;
    }

    private static ulong Date(ulong hash, LocalDate date)
    {
        hash = Text(hash, Separator);
        var value = (date.Year * 10_000) + (date.Month * 100) + date.Day;
        for (var i = 0; i < 4; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return hash;
    }
}
