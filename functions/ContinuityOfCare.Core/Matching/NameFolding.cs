namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The one home of the name-folding rules matching compares names under (docs/plan.md "Name folding"). On top of
/// <see cref="NameNormaliser"/> (case, accents, apostrophes, hyphens and runs of spaces), a surname is folded to a
/// comparison key: a <c>ST</c> word is read as <c>SAINT</c> (St John = Saint John), a word starting <c>MC</c> is read
/// as <c>MAC</c> (McDonald = MacDonald), and the spaces between words are dropped (Llewellyn-Jones = Llewellyn Jones =
/// LlewellynJones; Mac Donald = MacDonald). Each of these spellings is a recording convention of the same name, so a
/// difference between them is no evidence of a different person. Forenames are split into words; initials stay
/// initials and are compared as such by <see cref="ParticularsComparer"/>.
/// </summary>
public static class NameFolding
{
    /// <summary>The surname's comparison key, or the empty string when none is given.</summary>
    public static string Surname(string? surname)
    {
        var normalised = NameNormaliser.Normalise(surname);
        if (normalised.Length == 0)
        {
            return string.Empty;
        }

        // Most surnames are one word without a Mc prefix: no work, no allocation (the index folds a whole register).
        if (!normalised.Contains(' ', StringComparison.Ordinal) && !normalised.StartsWith("MC", StringComparison.Ordinal) && normalised != "ST")
        {
            return normalised;
        }

        var words = normalised.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word == "ST")
            {
                words[i] = "SAINT";
            }
            else if (word.StartsWith("MC", StringComparison.Ordinal))
            {
                words[i] = "MAC" + word[2..];
            }
        }

        return string.Concat(words);
    }

    /// <summary>The forenames as normalised words (first forename first), empty when none are given.</summary>
    public static string[] Forenames(string? forenames)
    {
        var normalised = NameNormaliser.Normalise(forenames);
        return normalised.Length == 0 ? [] : normalised.Split(' ');
    }

    /// <summary>
    /// <see cref="Surname"/> without allocating, for the common spelling: one plain word
    /// (<see cref="NameNormaliser.IsPlainAscii"/>), not starting <c>MC</c> and not <c>ST</c> once upper-cased — then the
    /// key is the upper-cased name. Writes the key into <paramref name="into"/> and returns its length, or -1 when
    /// <see cref="Surname"/> must decide.
    /// </summary>
    internal static int TryFoldPlainSurname(ReadOnlySpan<char> surname, Span<char> into)
    {
        if (surname.Length > into.Length || surname.Contains(' ') || !NameNormaliser.IsPlainAscii(surname, out _))
        {
            return -1;
        }

        var folded = into[..surname.Length];
        System.Text.Ascii.ToUpper(surname, folded, out _);
        return folded.StartsWith("MC", StringComparison.Ordinal) || folded.SequenceEqual("ST") ? -1 : surname.Length;
    }

    /// <summary>
    /// The first word of <see cref="Forenames"/> without allocating, for plain forenames
    /// (<see cref="NameNormaliser.IsPlainAscii"/>: every word, or the general normalisation could read the whole name
    /// differently). Writes it into <paramref name="into"/> and returns its length, or -1 when <see cref="Forenames"/>
    /// must decide.
    /// </summary>
    internal static int TryFoldPlainFirstForename(ReadOnlySpan<char> forenames, Span<char> into)
    {
        if (!NameNormaliser.IsPlainAscii(forenames, out _))
        {
            return -1;
        }

        var space = forenames.IndexOf(' ');
        var first = space < 0 ? forenames : forenames[..space];
        if (first.Length > into.Length)
        {
            return -1;
        }

        System.Text.Ascii.ToUpper(first, into, out _);
        return first.Length;
    }
}
