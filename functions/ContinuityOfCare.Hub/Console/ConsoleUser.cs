namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// Who is using the console: a hub operator sees everything; a team member sees only the obligations, tasks and
/// clients of its own organisations (docs/console.md "Roles").
/// </summary>
/// <param name="Name">Who decides: recorded in the audit trail (an account name, never client data).</param>
/// <param name="IsOperator">The <c>hub.operator</c> role.</param>
/// <param name="Organisations">The org codes of a <c>team.member</c> (empty for an operator).</param>
/// <param name="SessionId">A random id per session or principal: the anti-forgery tokens are bound to it.</param>
public sealed record ConsoleUser(string Name, bool IsOperator, IReadOnlySet<string> Organisations, string SessionId)
{
    /// <summary>The role that sees everything.</summary>
    public const string OperatorRole = "hub.operator";

    /// <summary>The role that sees its own organisations' work.</summary>
    public const string TeamMemberRole = "team.member";

    /// <summary>The role's name as shown.</summary>
    public string Role => IsOperator ? OperatorRole : TeamMemberRole;

    /// <summary>True when the user may see work owned by <paramref name="orgCode"/>.</summary>
    public bool Sees(string? orgCode) => IsOperator || (orgCode is not null && Organisations.Contains(orgCode));
}
