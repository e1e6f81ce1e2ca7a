using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The centre of the functional core (architecture.md "Shape"): given inputs, the client register, the SPOC
/// directory, the calendar and "now" → a <see cref="Plan"/>. Pure: no I/O, no clock reads; the same arguments give
/// the same plan whatever the order of the input records.
/// </summary>
public static class Planner
{
    /// <summary>Plans for <paramref name="inputs"/>, building the matching index from <paramref name="register"/> once.</summary>
    public static Plan Plan(
        PlanInputs inputs, SpocDirectory directory, IReadOnlyList<Client> register, WorkingCalendar calendar, Instant now,
        PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        return Plan(inputs, directory, MatchingIndex.Build(register), calendar, now, options);
    }

    /// <summary>Plans against a prebuilt index (the shell may keep one index for several plans of the same register).</summary>
    public static Plan Plan(
        PlanInputs inputs, SpocDirectory directory, MatchingIndex index, WorkingCalendar calendar, Instant now,
        PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(calendar);
        var resolved = CourtCodeResolver.Resolve(inputs, new DirectoryRoutes(directory));
        return new PlanBuilder(resolved, directory, index, calendar, now, options ?? PlanOptions.Default).Build();
    }
}
