using System.Globalization;
using ContinuityOfCare.Hub.Catalogue;

namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>What the test-only functions saw (registered per test in that test's DI only).</summary>
public sealed class InvocationLog
{
    private readonly List<TriggerInput> _inputs = [];

    /// <summary>Inputs in invocation order.</summary>
    public IReadOnlyList<TriggerInput> Inputs
    {
        get
        {
            lock (_inputs)
            {
                return [.. _inputs];
            }
        }
    }

    /// <summary>Records an input.</summary>
    public void Add(TriggerInput input)
    {
        lock (_inputs)
        {
            _inputs.Add(input);
        }
    }
}

/// <summary>Echoes a queue message to its output twice: the text, then the dequeue count.</summary>
public sealed class EchoFunction(InvocationLog log) : IHubFunction
{
    /// <summary>The definition: queue trigger on <paramref name="queue"/>, queue output <c>outMessages</c> to <paramref name="output"/>.</summary>
    public static FunctionDefinition Definition(string queue, string output) => new("Echo",
    [
        new BindingDefinition(BindingTypes.QueueTrigger, "in", "message") { QueueName = queue },
        new BindingDefinition(BindingTypes.Queue, "out", "outMessages") { QueueName = output },
    ]);

    /// <inheritdoc />
    public Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        var input = (QueueTriggerInput)context.Trigger;
        log.Add(input);
        context.AddQueueMessage("outMessages", input.Message);
        context.AddQueueMessage("outMessages", input.DequeueCount.ToString(CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }
}

/// <summary>Always fails (for retry and poison behaviour).</summary>
public sealed class AlwaysFailsFunction(InvocationLog log) : IHubFunction
{
    /// <summary>The definition: queue trigger on <paramref name="queue"/>.</summary>
    public static FunctionDefinition Definition(string queue) => new("AlwaysFails",
        [new BindingDefinition(BindingTypes.QueueTrigger, "in", "message") { QueueName = queue }]);

    /// <inheritdoc />
    public Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        log.Add(context.Trigger);
        throw new InvalidOperationException("this test function always fails");
    }
}

/// <summary>Records timer firings.</summary>
public sealed class TickFunction(InvocationLog log) : IHubFunction
{
    /// <summary>The definition: a daily 07:00 timer that also runs on start-up.</summary>
    public static FunctionDefinition Definition { get; } = new("Tick",
        [new BindingDefinition(BindingTypes.TimerTrigger, "in", "timer") { Schedule = "0 0 7 * * *", RunOnStartup = true }]);

    /// <inheritdoc />
    public Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        log.Add(context.Trigger);
        return Task.CompletedTask;
    }
}

/// <summary>Answers with the route id, query and body it was called with.</summary>
public sealed class PingFunction(InvocationLog log) : IHubFunction
{
    /// <summary>The definition: <c>GET|POST /api/ping/{id}</c>, function-level auth, http output <c>res</c>.</summary>
    public static FunctionDefinition Definition { get; } = new("Ping",
    [
        new BindingDefinition(BindingTypes.HttpTrigger, "in", "req") { Methods = ["GET", "POST"], Route = "ping/{id}", AuthLevel = "function" },
        new BindingDefinition(BindingTypes.Http, "out", "res"),
    ]);

    /// <inheritdoc />
    public Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        var request = (HttpTriggerInput)context.Trigger;
        log.Add(request);
        var who = request.Query.GetValueOrDefault("who", "nobody");
        context.HttpResponse = HttpResponseOutput.Text(201, $"pong {request.Params.GetValueOrDefault("id")} {who} {request.Body}");
        return Task.CompletedTask;
    }
}
