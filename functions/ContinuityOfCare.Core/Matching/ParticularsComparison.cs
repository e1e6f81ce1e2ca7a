namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// The field-by-field comparison of a record with one client (docs/plan.md "Matching"): the levels the match weight
/// is computed from, and the differences a reviewer is shown. Holds levels only, never names or dates.
/// </summary>
/// <param name="Surname">Surname agreement.</param>
/// <param name="Forename">First forename agreement.</param>
/// <param name="MiddleNames">Agreement of the names after the first.</param>
/// <param name="BirthDate">Date of birth agreement.</param>
public sealed record ParticularsComparison(
    SurnameAgreement Surname, ForenameAgreement Forename, MiddleNameAgreement MiddleNames, BirthDateAgreement BirthDate)
{
    /// <summary>True when the names and the date of birth agree under the match rules (docs/plan.md "Match rules").</summary>
    public bool IsNameAndBirthDateMatch =>
        Surname == SurnameAgreement.Same && Forename == ForenameAgreement.Same
        && MiddleNames != MiddleNameAgreement.Different && BirthDate == BirthDateAgreement.Same;

    /// <summary>
    /// How many fields differ (a missing or partial date of birth is not counted: it is no evidence either way).
    /// </summary>
    public int Differences =>
        (Surname == SurnameAgreement.Same ? 0 : 1)
        + (Forename == ForenameAgreement.Same ? 0 : 1)
        + (MiddleNames == MiddleNameAgreement.Different ? 1 : 0)
        + (BirthDate is BirthDateAgreement.Same or BirthDateAgreement.Missing or BirthDateAgreement.PartialAgrees ? 0 : 1);

    /// <summary>
    /// docs/plan.md "What is held": a near miss a reviewer could plausibly confirm. The surname agrees or differs by one
    /// slip; the first forename is related (not unrelated); the date of birth agrees, is a recognisable slip, or is not
    /// (fully) given — then the names must agree; and at most one field differs, or two when the first forename agrees.
    /// Surname and date of birth with unrelated forenames is a coincidence at register scale: not plausible.
    /// </summary>
    public bool IsPlausible
    {
        get
        {
            if (Surname == SurnameAgreement.Different || Forename == ForenameAgreement.Different || BirthDate == BirthDateAgreement.Different)
            {
                return false;
            }

            if (BirthDate is BirthDateAgreement.Missing or BirthDateAgreement.PartialAgrees)
            {
                return Surname == SurnameAgreement.Same && Forename == ForenameAgreement.Same && MiddleNames != MiddleNameAgreement.Different;
            }

            return Differences <= (Forename == ForenameAgreement.Same ? 2 : 1);
        }
    }

    /// <summary>The reviewer's reason: what agrees and what differs, in words without personal data.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (BirthDate == BirthDateAgreement.Missing)
        {
            parts.Add("name agrees; no date of birth to compare");
        }
        else if (BirthDate == BirthDateAgreement.PartialAgrees)
        {
            parts.Add("name agrees; only part of the date of birth is given, and it agrees");
        }
        else if (Surname == SurnameAgreement.Same && BirthDate == BirthDateAgreement.Same)
        {
            parts.Add("surname and date of birth agree");
        }

        parts.Add(Surname switch
        {
            SurnameAgreement.OneEdit => "surname differs by one letter",
            _ => string.Empty,
        });
        parts.Add(Forename switch
        {
            ForenameAgreement.Variant => "forename is a listed variant",
            ForenameAgreement.InitialOnly => "forename initial only",
            ForenameAgreement.Swapped => "first and middle names swapped",
            ForenameAgreement.OneEdit => "forename differs by one letter",
            ForenameAgreement.SameInitial => "forenames differ; initials agree",
            _ => string.Empty,
        });
        parts.Add(MiddleNames == MiddleNameAgreement.Different ? "middle names differ" : string.Empty);
        parts.Add(BirthDate switch
        {
            BirthDateAgreement.DayMonthSwapped => "date of birth day and month swapped",
            BirthDateAgreement.OneDay => "date of birth differs by one day",
            BirthDateAgreement.OneDigit => "date of birth differs in one digit",
            _ => string.Empty,
        });
        return string.Join("; ", parts.Where(p => p.Length > 0));
    }
}
