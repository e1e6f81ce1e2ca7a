namespace ContinuityOfCare.Core.Matching;

/// <summary>How a record's surname compares with a client's, after <see cref="NameFolding"/> (docs/plan.md "Matching").</summary>
public enum SurnameAgreement
{
    /// <summary>The folded surnames are equal.</summary>
    Same,

    /// <summary>One letter inserted, deleted, changed or two neighbours swapped (both at least four letters): a typing slip.</summary>
    OneEdit,

    /// <summary>Anything else.</summary>
    Different,
}
