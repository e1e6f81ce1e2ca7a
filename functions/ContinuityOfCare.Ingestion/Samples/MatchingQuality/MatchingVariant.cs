namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>
/// How a generated defendant's particulars differ from the register's (docs/benchmarks.md "Matching quality"): the
/// ground truth the matching quality report scores against. <see cref="MatchingVariantShares"/> gives each one's share.
/// </summary>
public enum MatchingVariant
{
    /// <summary>Not a client: drawn from the same name and date distributions as the register.</summary>
    Stranger,

    /// <summary>A client listed exactly as registered.</summary>
    Exact,

    /// <summary>Upper case, doubled or padded spaces.</summary>
    CaseAndSpacing,

    /// <summary>Apostrophes dropped, hyphens as spaces, accents dropped, Mc/Mac or St/Saint exchanged (else case and spacing).</summary>
    Spelling,

    /// <summary>The list adds a middle name the register does not hold.</summary>
    MiddleNameAdded,

    /// <summary>The list leaves out the register's middle name.</summary>
    MiddleNameMissing,

    /// <summary>The list gives the middle name as an initial.</summary>
    TrailingInitial,

    /// <summary>Day and month of birth transposed (one day out when the day is over 12).</summary>
    DayMonthSwapped,

    /// <summary>One digit of the date of birth different.</summary>
    OneDigit,

    /// <summary>The date of birth one day out.</summary>
    OneDay,

    /// <summary>A listed variant of the forename (else one letter changed).</summary>
    ForenameVariant,

    /// <summary>The forename as an initial.</summary>
    InitialOnly,

    /// <summary>First and middle names swapped (else one letter of the forename changed).</summary>
    FirstMiddleSwapped,

    /// <summary>One letter of the forename changed.</summary>
    ForenameSlip,

    /// <summary>One letter of the surname changed.</summary>
    SurnameSlip,

    /// <summary>Middle name missing and day and month swapped: two differences with the first forename agreeing.</summary>
    MiddleMissingAndDateSwapped,
}
