namespace ContinuityOfCare.Core.Matching;

/// <summary>How the names after the first forename compare (docs/plan.md "Matching").</summary>
public enum MiddleNameAgreement
{
    /// <summary>The same middle names, or none on either side.</summary>
    Same,

    /// <summary>One side has none (registers often hold the first forename only), or every initial agrees with the other side's name.</summary>
    Compatible,

    /// <summary>Both sides give middle names and they disagree.</summary>
    Different,
}
