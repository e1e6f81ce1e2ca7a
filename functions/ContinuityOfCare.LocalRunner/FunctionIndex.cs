using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// Reads the functions from their attributes, as the Worker SDK does when it writes <c>functions.metadata</c>: so the
/// local runner and Azure see the same functions, with no second catalogue to keep in step.
/// </summary>
public static class FunctionIndex
{
    /// <summary>
    /// Every <c>[Function]</c> method of the classes, with <c>%Setting%</c> binding expressions in queue names,
    /// schedules, blob paths and routes resolved from <paramref name="configuration"/> as the Functions host does.
    /// </summary>
    /// <exception cref="InvalidOperationException">A function has no trigger the runner hosts, two share a name, or a setting is missing.</exception>
    public static IReadOnlyList<IndexedFunction> From(IEnumerable<Type> classes, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(configuration);
        var functions = new List<IndexedFunction>();
        foreach (var method in classes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function && !IsDurableTask(method))
            {
                var described = Describe(function.Name, method);
                string? Resolve(string? value) => value is null ? null : SettingExpression.Replace(value, match =>
                    configuration[match.Groups[1].Value] ?? throw new InvalidOperationException($"function {function.Name} names the setting {match.Groups[1].Value}, which is not configured"));
                functions.Add(described with
                {
                    QueueName = Resolve(described.QueueName),
                    Schedule = Resolve(described.Schedule),
                    BlobContainer = Resolve(described.BlobContainer),
                    Route = Resolve(described.Route),
                    OutputQueue = Resolve(described.OutputQueue),
                });
            }
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? functions : throw new InvalidOperationException($"two functions are named {duplicate.Key}");
    }

    /// <summary>
    /// Orchestrator and activity functions are not triggered by the runner: its in-process Durable Task engine hosts
    /// the same classes (<c>ObligationTasks</c>) under the same names.
    /// </summary>
    internal static bool IsDurableTask(MethodInfo method) =>
        method.GetParameters().Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null);

    private static readonly System.Text.RegularExpressions.Regex SettingExpression = new("%([A-Za-z0-9_:.-]+)%", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static IndexedFunction Describe(string name, MethodInfo method)
    {
        var output = method.GetCustomAttribute<QueueOutputAttribute>()?.QueueName;
        foreach (var parameter in method.GetParameters())
        {
            switch (parameter.GetCustomAttributes().FirstOrDefault(a => a is QueueTriggerAttribute or TimerTriggerAttribute or BlobTriggerAttribute or HttpTriggerAttribute))
            {
                case QueueTriggerAttribute queue:
                    return new IndexedFunction(name, method, TriggerKind.Queue, parameter, queue.QueueName, null, false, null, AuthorizationLevel.Function, [], null, output);
                case TimerTriggerAttribute timer:
                    return new IndexedFunction(name, method, TriggerKind.Timer, parameter, null, timer.Schedule, timer.RunOnStartup, null, AuthorizationLevel.Function, [], null, output);
                case BlobTriggerAttribute blob:
                    var container = blob.BlobPath.Split('/', 2)[0];
                    return new IndexedFunction(name, method, TriggerKind.Blob, parameter, null, null, false, container, AuthorizationLevel.Function, [], null, output);
                case HttpTriggerAttribute http:
                    return new IndexedFunction(name, method, TriggerKind.Http, parameter, null, null, false, null, http.AuthLevel,
                        [.. (http.Methods ?? []).Select(m => m.ToUpperInvariant())], http.Route ?? name, output);
            }
        }

        throw new InvalidOperationException($"function {name} has no queue, timer, blob or HTTP trigger");
    }
}
