namespace ContinuityOfCare.Core.Matching;

/// <summary>Which rule made a match (docs/plan.md "Match rules"), recorded on every match.</summary>
public enum MatchRule
{
    /// <summary>The NOMS number agrees.</summary>
    NomsNumber,

    /// <summary>The PNC id agrees and so does the surname.</summary>
    PncIdAndSurname,

    /// <summary>The PNC id agrees and so does the date of birth.</summary>
    PncIdAndDateOfBirth,

    /// <summary>The CRO number agrees and so does the surname.</summary>
    CroNumberAndSurname,

    /// <summary>The CRO number agrees and so does the date of birth.</summary>
    CroNumberAndDateOfBirth,

    /// <summary>Surname, every forename and date of birth agree after folding.</summary>
    NameAndDateOfBirth,

    /// <summary>
    /// Surname, first forename and date of birth agree after folding; middle names are absent on one side or consistent
    /// (an initial agreeing with a name).
    /// </summary>
    FirstForenameAndDateOfBirth,
}
