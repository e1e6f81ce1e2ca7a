using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Planning;
using NodaTime;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// Turns one event into Alert Forms and tasks (docs/domain.md "Routing", "Consent and data minimisation"; architecture.md
/// "Security rules"). For each recipient of the event's row in <see cref="RoutingTable"/>:
/// <list type="bullet">
/// <item>no consent covering the recipient's org type and no legal basis → no form; a CONSENT_MISSING task for the owning team;</item>
/// <item>no SPOC for the recipient → the form goes to the regional team with the reason, plus an UNROUTABLE task;</item>
/// <item>a mailbox outside the secure-mail allow-list → the form is held, plus an INSECURE_RECIPIENT task.</item>
/// </list>
/// Every form records why: event, rule, directory version, consent basis.
/// </summary>
public sealed class AlertRouter
{
    private readonly DirectoryRoutes _routes;
    private readonly SecureMailPolicy _secureMail;
    private readonly Instant _now;

    /// <summary>Creates a router for one plan.</summary>
    public AlertRouter(DirectoryRoutes routes, SecureMailPolicy secureMail, Instant now)
    {
        _routes = routes ?? throw new ArgumentNullException(nameof(routes));
        _secureMail = secureMail ?? throw new ArgumentNullException(nameof(secureMail));
        _now = now;
    }

    /// <summary>The team that owns a client's tasks (<see cref="DirectoryRoutes.OwningTeam"/>).</summary>
    public string OwningTeam(Client client) => _routes.OwningTeam(client);

    /// <summary>Routes <paramref name="e"/> for <paramref name="client"/>; <paramref name="requests"/> gives the obligation each rule id asks for.</summary>
    public (IReadOnlyList<PlannedAlert> Alerts, IReadOnlyList<PlanTask> Tasks) Route(
        CareEvent e, Client client, IReadOnlyDictionary<string, AlertRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requests);
        var alerts = new List<PlannedAlert>();
        var tasks = new List<PlanTask>();
        var homeCjit = _routes.HomeCjit(client);
        foreach (var rule in RoutingTable.For(e.Kind))
        {
            var (entry, orgType, missingReason) = Resolve(rule.Role, e, client, homeCjit);
            if (rule.Role == RecipientRole.CourtCjit && (entry is null || string.Equals(entry.OrgCode, homeCjit?.OrgCode, StringComparison.OrdinalIgnoreCase)))
            {
                // "also the court CJIT when different": no court CJIT, or the same team, means no extra form.
                continue;
            }

            var consent = ConsentDecision.For(client, orgType);
            if (!consent.MaySend)
            {
                tasks.Add(new PlanTask(TaskKind.ConsentMissing, OwningTeam(client), client.Id,
                    $"consent not recorded for sharing with {orgType.ToCode()} ({e.Kind}, {e.ProcessPoint}): {consent.Basis}; no Alert Form was planned", e.Id));
                continue;
            }

            var recipient = entry;
            var reason = $"event {e.Kind} ({e.ProcessPoint}); routing rule {e.Kind} → {rule.Role}; directory version {_routes.Version}; {consent.Basis}";
            if (recipient is null)
            {
                var regional = _routes.RegionalTeam;
                tasks.Add(new PlanTask(TaskKind.Unroutable, regional?.OrgCode ?? PlanTask.Operator, client.Id,
                    regional is null ? $"{missingReason}, and no regional team in the directory: no Alert Form could be planned" : $"{missingReason}; the Alert Form went to the regional team",
                    e.Id));
                if (regional is null)
                {
                    continue;
                }

                recipient = regional;
                reason += $"; {missingReason}, so sent to the regional team";
            }

            var isFallback = !ReferenceEquals(recipient, entry);
            var id = DeterministicIds.Alert(e.Id, rule.Role.ToString(), recipient.OrgCode);
            var reference = DeterministicIds.AlertReference(id, _now.InZone(Time.WorkingCalendar.London).Year);
            var request = !isFallback && rule.RequestRuleId is { } ruleId ? requests.GetValueOrDefault(ruleId) : null;
            var form = new AlertForm(
                id, reference, e.Kind, e.ProcessPoint, From(e, homeCjit), AlertParty.From(recipient),
                ClientDetailsPolicy.For(client, recipient.OrgType), AlertWording.Boxes(e.Kind), AlertWording.Sentence(e),
                AlertWording.Summary(e), request, reason, _now, e.Kind == EventKind.ListedForHearing && e.Detail == ListingDetail.InCustody);
            if (_secureMail.Allows(recipient.Email))
            {
                alerts.Add(new PlannedAlert(form, e.Id, AlertStatus.Ready));
            }
            else
            {
                var held = $"the mailbox of {recipient.OrgCode} is outside the secure-mail allow-list ({string.Join(", ", _secureMail.Domains)})";
                alerts.Add(new PlannedAlert(form, e.Id, AlertStatus.Held, held));
                tasks.Add(new PlanTask(TaskKind.InsecureRecipient, PlanTask.Operator, client.Id, $"{held}; alert {reference} held", e.Id));
            }
        }

        return (alerts, tasks);
    }

    private (DirectoryEntry? Entry, OrgType OrgType, string MissingReason) Resolve(
        RecipientRole role, CareEvent e, Client client, DirectoryEntry? homeCjit)
    {
        switch (role)
        {
            case RecipientRole.ReceivingSmt:
            {
                var prison = e.Kind == EventKind.TransferredBetweenPrisons ? e.ToPrisonCode : e.PrisonCode;
                return (_routes.Smt(prison), OrgType.PrisonSmt, $"no SPOC for prison {prison} in directory version {_routes.Version}");
            }

            case RecipientRole.SendingSmt:
                return (_routes.Smt(e.PrisonCode), OrgType.PrisonSmt, $"no SPOC for prison {e.PrisonCode} in directory version {_routes.Version}");

            case RecipientRole.HomeCjit:
                return (homeCjit, OrgType.Cjit, string.IsNullOrWhiteSpace(client.CjitCode)
                    ? $"no CJIT in directory version {_routes.Version} covers the client's home postcode district"
                    : $"no SPOC for CJIT {client.CjitCode.Trim()} in directory version {_routes.Version}");

            case RecipientRole.CourtCjit:
                return (_routes.CourtCjit(e.CourtCode), OrgType.Cjit, $"no CJIT lists court {e.CourtCode} in directory version {_routes.Version}");

            default:
                throw new ArgumentOutOfRangeException(nameof(role), role, "unknown recipient role");
        }
    }

    // The team on whose behalf the hub sends: the one the guidance makes responsible for telling the recipient.
    private AlertParty? From(CareEvent e, DirectoryEntry? homeCjit)
    {
        var entry = e.Kind switch
        {
            EventKind.RemandedOrSentencedToPrison => homeCjit,                     // 000 Part 1: the CJIT alerts the SMT
            EventKind.ListedForHearing => _routes.CourtCjit(e.CourtCode),           // 000 §PP13: the court's CJIT reads the list
            EventKind.ReleasedFromCourt => _routes.CourtCjit(e.CourtCode) ?? homeCjit, // 000 §PP13: the CJIT tells the sending SMT
            EventKind.NotReturnedFromCourt => null,                                  // the hub itself: nobody has told anybody yet
            _ => _routes.Smt(e.PrisonCode),                                          // 000 §PP6–PP10: the SMT of the prison left
        };
        return entry is null ? null : AlertParty.From(entry);
    }
}
