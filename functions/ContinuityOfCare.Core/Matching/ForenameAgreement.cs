namespace ContinuityOfCare.Core.Matching;

/// <summary>How a record's first forename compares with a client's (docs/plan.md "Matching").</summary>
public enum ForenameAgreement
{
    /// <summary>The first forenames are equal.</summary>
    Same,

    /// <summary>Listed as variants of one name (<see cref="ForenameVariants"/>): Jon / John, Kate / Katherine.</summary>
    Variant,

    /// <summary>One side gives only an initial, and it agrees: J / John.</summary>
    InitialOnly,

    /// <summary>First and middle names swapped: John Paul / Paul John.</summary>
    Swapped,

    /// <summary>One letter different (both at least four letters): a typing slip.</summary>
    OneEdit,

    /// <summary>Different names with the same initial: John / James.</summary>
    SameInitial,

    /// <summary>Unrelated names (John / Mary), or a side without a forename.</summary>
    Different,
}
