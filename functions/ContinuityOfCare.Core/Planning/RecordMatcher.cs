using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Routing;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The matching step of a plan: each input record is matched to the register once; only a definite match goes on to
/// the journey. A possible match is held for a person to confirm; an unmatched person is only counted.
/// </summary>
internal sealed class RecordMatcher(MatchingIndex index, AlertRouter router, PlanLedger ledger)
{
    /// <summary>The client <paramref name="person"/> definitely is, or null (possible match held, or no match).</summary>
    public Client? Match(SourceRef source, PersonParticulars person)
    {
        var result = index.Match(person);
        switch (result.Kind)
        {
            case MatchKind.Matched:
                ledger.Matched++;
                ledger.Matches.Add(new PlanMatch(source, result.Client!.Id, result.Rule!.Value, result.Reason));
                return result.Client;
            case MatchKind.Possible:
                // docs/plan.md "What is held": held for a person to confirm or reject, never routed; the weight shows why.
                ledger.PossibleRecords++;
                foreach (var candidate in result.Candidates)
                {
                    var team = router.OwningTeam(candidate.Client);
                    ledger.PossibleMatches.Add(new PossibleMatch(source, candidate.Client.Id, candidate.Reason, candidate.Weight, team));
                    ledger.Tasks.Add(new PlanTask(TaskKind.PossibleMatch, team, candidate.Client.Id,
                        $"possible match in {source}: {candidate.Reason}; confirm or reject"));
                }

                return null;
            default:
                // docs/domain.md "Consent and data minimisation": nothing about an unmatched person beyond counts.
                ledger.Unmatched++;
                return null;
        }
    }
}
