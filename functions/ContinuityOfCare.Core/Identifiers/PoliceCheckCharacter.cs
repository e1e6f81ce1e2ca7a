namespace ContinuityOfCare.Core.Identifiers;

/// <summary>
/// The check character shared by PNC ids and CRO numbers (docs/domain.md "Matching"):
/// <c>"ZABCDEFGHJKLMNPQRTUVWXY"[(YY·10⁷ + serial) mod 23]</c>.
/// </summary>
internal static class PoliceCheckCharacter
{
    private const string Alphabet = "ZABCDEFGHJKLMNPQRTUVWXY";

    public static char For(int twoDigitYear, long serial) =>
        Alphabet[(int)(((twoDigitYear * 10_000_000L) + serial) % 23)];
}
