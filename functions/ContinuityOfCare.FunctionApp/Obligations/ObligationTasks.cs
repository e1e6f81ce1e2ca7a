using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// The orchestrator and activities, for an engine that hosts them by registration (the local runner's in-process
/// engine, tests). The names below are also the function app's function names (<c>Functions/ObligationFunctions.cs</c>),
/// so both hosts run the same classes under the same names.
/// </summary>
public static class ObligationTasks
{
    /// <summary>The orchestrator's name (the function app's orchestration function).</summary>
    public const string Orchestration = "ObligationOrchestration";

    /// <summary>The escalation activity's name.</summary>
    public const string Escalate = "ObligationEscalate";

    /// <summary>The activity that says whether a queued level's email has left the outbox.</summary>
    public const string EscalationEmail = "ObligationEscalationEmail";

    /// <summary>The grace activity's name.</summary>
    public const string Grace = "ObligationGrace";

    /// <summary>Registers the obligation orchestrator and its activities (activities are resolved from the host's services).</summary>
    public static DurableTaskRegistry AddObligationTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator(Orchestration, () => new ObligationOrchestrator());
        registry.AddActivity(Escalate, services => services.GetRequiredService<EscalateActivity>());
        registry.AddActivity(EscalationEmail, services => services.GetRequiredService<EscalationEmailActivity>());
        registry.AddActivity(Grace, services => services.GetRequiredService<GraceActivity>());
        return registry;
    }
}
