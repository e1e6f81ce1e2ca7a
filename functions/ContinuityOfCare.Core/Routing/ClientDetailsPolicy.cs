using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// docs/domain.md "The Alert Form" and "Consent and data minimisation": the client block holds only what the recipient is
/// entitled to. CJITs, prison SMTs and probation (with consent or a legal basis for their type) get name, date of
/// birth, NOMS number and PNC — what they need to find the person in their own records. The regional team, which
/// receives only unroutable forms as a fallback and is never in a consent scope, gets the client id alone (it
/// routes the form on; it does not need to know who the person is).
/// </summary>
public static class ClientDetailsPolicy
{
    /// <summary>The client block for a recipient of <paramref name="recipient"/> type.</summary>
    public static AlertClientDetails For(Client client, OrgType recipient)
    {
        ArgumentNullException.ThrowIfNull(client);
        return recipient switch
        {
            OrgType.Cjit or OrgType.PrisonSmt or OrgType.Probation => new AlertClientDetails(
                client.Id, FullName(client), client.DateOfBirth, client.Noms?.Value, client.Pnc?.Value),
            _ => new AlertClientDetails(client.Id, null, null, null, null),
        };
    }

    private static string FullName(Client client) =>
        string.IsNullOrWhiteSpace(client.Forenames) ? client.Surname.Trim() : $"{client.Forenames.Trim()} {client.Surname.Trim()}";
}
