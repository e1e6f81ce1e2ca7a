namespace ContinuityOfCare.Core.Planning;

/// <summary>Aggregate counts of a plan: the only trace of unmatched people (docs/domain.md "Consent and data minimisation").</summary>
public sealed record PlanCounts
{
    /// <summary>Clients in the register.</summary>
    public int RegisterClients { get; init; }

    /// <summary>Court list defendants read.</summary>
    public int CourtListings { get; init; }

    /// <summary>Court result rows read.</summary>
    public int CourtResults { get; init; }

    /// <summary>Discharge rows read.</summary>
    public int Discharges { get; init; }

    /// <summary>Records matched to a client.</summary>
    public int Matched { get; init; }

    /// <summary>Records held as possible matches.</summary>
    public int PossibleMatches { get; init; }

    /// <summary>Records that matched no client (nothing else is kept about them).</summary>
    public int Unmatched { get; init; }

    /// <summary>Matched records that yield no event by rule (MRG, TAP, ADJOURNED, a release outcome for someone not in custody, …).</summary>
    public int Ignored { get; init; }

    /// <summary>Events detected.</summary>
    public int Events { get; init; }

    /// <summary>Alert Forms ready to send.</summary>
    public int AlertsReady { get; init; }

    /// <summary>Alert Forms held.</summary>
    public int AlertsHeld { get; init; }

    /// <summary>Obligations opened.</summary>
    public int ObligationsOpened { get; init; }

    /// <summary>Obligations closed or cancelled.</summary>
    public int ObligationsClosed { get; init; }

    /// <summary>Tasks for people.</summary>
    public int Tasks { get; init; }

    /// <summary>Rejected records and warnings.</summary>
    public int Rejected { get; init; }
}
