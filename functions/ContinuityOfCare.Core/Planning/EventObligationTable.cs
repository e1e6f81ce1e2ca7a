using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>domain.md "Obligations and their deadlines": what each event opens, for whom, from when.</summary>
internal sealed class EventObligationTable(DirectoryRoutes routes, Instant now)
{
    /// <summary>The obligations <paramref name="e"/> opens for <paramref name="client"/>, in the order the plan reports them.</summary>
    public List<ObligationSpec> ObligationsFor(CareEvent e, Client client)
    {
        var home = routes.HomeCjit(client)?.OrgCode ?? routes.RegionalTeam?.OrgCode ?? PlanTask.Operator;
        var specs = new List<ObligationSpec>();
        void Reception(string prison, bool includeNewDir)
        {
            specs.Add(new(RuleIds.SmtClinicalAssessment, prison, e.OccurredAt));
            specs.Add(new(RuleIds.SmtKeyworker, prison, e.OccurredAt));
            if (includeNewDir)
            {
                specs.Add(new(RuleIds.SmtNewDirIfNone, prison, e.OccurredAt));
            }

            specs.Add(new(RuleIds.SmtTriageAssessment, prison, e.OccurredAt));
            specs.Add(new(RuleIds.SmtCarePlan, prison, e.OccurredAt));
        }

        switch (e.Kind)
        {
            case EventKind.RemandedOrSentencedToPrison:
                // 000 Part 1: the 24h rule runs "from the moment the hub learned of it" — now.
                specs.Add(new(RuleIds.CjitDirToPrison, home, now, Prison: e.PrisonCode));
                Reception(e.PrisonCode!, includeNewDir: true);
                if (e.Detail == "REMANDED_IN_CUSTODY")
                {
                    specs.Add(new(RuleIds.SmtRemandDirUpdate, e.PrisonCode!, e.OccurredAt));
                }

                if (e.Detail == "SENTENCED_TO_CUSTODY" && routes.Probation is { } probation)
                {
                    specs.Add(new(RuleIds.ProbationPsrToPrison, probation.OrgCode, e.OccurredAt));
                }

                break;

            case EventKind.TransferredBetweenPrisons:
                specs.Add(new(RuleIds.SmtTransferNotice, e.PrisonCode!, e.OccurredAt));
                specs.Add(new(RuleIds.SmtActivityClose, e.PrisonCode!, e.OccurredAt));
                Reception(e.ToPrisonCode!, includeNewDir: false);
                break;

            case EventKind.ReleasedToCommunity:
                specs.Add(new(RuleIds.CjitPostReleaseContact, home, e.OccurredAt));
                specs.Add(new(RuleIds.SmtActivityClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.ReleasedFromCourt:
                specs.Add(new(RuleIds.CjitReleasedFromCourt, home, e.OccurredAt));
                specs.Add(new(RuleIds.SmtNonReturnClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.NotReturnedFromCourt when e.ToPrisonCode is not null:
                // 000 §PP11: established by the court result: the sending SMT closes the caseload.
                specs.Add(new(RuleIds.SmtNonReturnClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.Died or EventKind.ReleasedToHospital or EventKind.Deported or EventKind.Absconded:
                specs.Add(new(RuleIds.SmtActivityClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.ReleaseDateKnown:
                specs.Add(new(RuleIds.SmtReleasePlanning, e.PrisonCode!, e.OccurredAt, e.ReleaseDate));
                break;
        }

        return specs;
    }
}
