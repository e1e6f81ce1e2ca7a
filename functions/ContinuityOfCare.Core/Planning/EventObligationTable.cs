using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The catalogue's event → obligation table (<see cref="ObligationCatalogue.Opens"/>) applied to one event: each
/// trigger's owner resolved to an organisation through the SPOC directory, its start to an instant.
/// </summary>
internal sealed class EventObligationTable(ObligationCatalogue catalogue, DirectoryRoutes routes, Instant now)
{
    /// <summary>The obligations <paramref name="e"/> opens for <paramref name="client"/>, in the order the plan reports them.</summary>
    public List<ObligationSpec> ObligationsFor(CareEvent e, Client client)
    {
        var specs = new List<ObligationSpec>();
        foreach (var (trigger, _) in catalogue.Opens(e))
        {
            if (OwnerOf(trigger.Owner, e, client) is not { } owner)
            {
                continue;
            }

            var start = trigger.Start == DeadlineStart.HubLearned ? now : e.OccurredAt;
            specs.Add(new ObligationSpec(trigger.RuleId, owner, start, e.ReleaseDate, e.PrisonCode));
        }

        return specs;
    }

    /// <summary>The owning organisation's code, or null when the directory has none for a role that needs one (probation).</summary>
    private string? OwnerOf(ObligationOwner owner, CareEvent e, Client client) => owner switch
    {
        ObligationOwner.HomeCjit => routes.HomeCjit(client)?.OrgCode ?? routes.RegionalTeam?.OrgCode ?? PlanTask.Operator,
        ObligationOwner.EventPrison => e.PrisonCode!,
        ObligationOwner.ReceivingPrison => e.ToPrisonCode!,
        ObligationOwner.Probation => routes.Probation?.OrgCode,
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, "Unknown obligation owner."),
    };
}
