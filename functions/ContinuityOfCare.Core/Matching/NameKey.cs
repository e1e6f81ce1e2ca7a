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

    public static ulong Full(ReadOnlySpan<char> normalisedSurname, ReadOnlySpan<char> normalisedForenames, LocalDate dateOfBirth) =>
        Full(FullNamePart(normalisedSurname, normalisedForenames), dateOfBirth);

    /// <summary>
    /// The names' share of <see cref="Full(ReadOnlySpan{char}, ReadOnlySpan{char}, LocalDate)"/>, so the keys of one
    /// name with many dates (a record's date-of-birth slips) hash the names once.
    /// </summary>
    public static ulong FullNamePart(ReadOnlySpan<char> normalisedSurname, ReadOnlySpan<char> normalisedForenames) =>
        Text(Text(Text(OffsetBasis, normalisedSurname), Separator), normalisedForenames);

    /// <summary><see cref="Full(ReadOnlySpan{char}, ReadOnlySpan{char}, LocalDate)"/> from its names' share (<see cref="FullNamePart"/>).</summary>
    public static ulong Full(ulong namePart, LocalDate dateOfBirth) => Date(namePart, dateOfBirth);

    public static ulong SurnameAndDate(ReadOnlySpan<char> normalisedSurname, LocalDate dateOfBirth) =>
        Date(Text(Text(OffsetBasis, normalisedSurname), Separator), dateOfBirth) ^ 0x5A5A5A5AUL;

    public static ulong NameOnly(ReadOnlySpan<char> normalisedSurname, ReadOnlySpan<char> normalisedForenames) =>
        Text(Text(Text(OffsetBasis, normalisedSurname), Separator), normalisedForenames) ^ 0xA5A5A5A5UL;

    public static ulong FirstForenameAndDate(ReadOnlySpan<char> normalisedForename, LocalDate dateOfBirth) =>
        Date(Text(Text(OffsetBasis, Separator), normalisedForename), dateOfBirth) ^ 0xC3C3C3C3UL;

    /// <summary>
    /// <see cref="SurnameAndDate"/>, <see cref="Full"/>, <see cref="FirstForenameAndDate"/> and <see cref="NameOnly"/> of
    /// one client at once, hashing the shared surname prefix once (the index build computes these for every client).
    /// </summary>
    public static (ulong SurnameAndDate, ulong Full, ulong FirstForenameAndDate, ulong NameOnly) NameKeys(
        ReadOnlySpan<char> normalisedSurname, ReadOnlySpan<char> normalisedForename, LocalDate dateOfBirth)
    {
        var surname = Text(Text(OffsetBasis, normalisedSurname), Separator);
        var surnameAndForename = Text(surname, normalisedForename);
        return (
            Date(surname, dateOfBirth) ^ 0x5A5A5A5AUL,
            Date(surnameAndForename, dateOfBirth),
            FirstForenameAndDate(normalisedForename, dateOfBirth),
            surnameAndForename ^ 0xA5A5A5A5UL);
    }

    public static ulong Identifier(ReadOnlySpan<char> canonical) => Text(OffsetBasis, canonical) ^ 0x3C3C3C3CUL;

    private static ulong Text(ulong hash, ReadOnlySpan<char> text)
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
