namespace ContinuityOfCare.Hub.State;

/// <summary>The keys the identifier index holds for a client (docs/domain.md "Matching" steps 1–2).</summary>
public enum ClientIdentifierKind
{
    /// <summary>The NOMS number (canonical upper case).</summary>
    Noms,

    /// <summary>The PNC id in its canonical long form.</summary>
    Pnc,

    /// <summary>The CRO number.</summary>
    Cro,

    /// <summary>Normalised surname + forenames + date of birth.</summary>
    NameAndDateOfBirth,
}
