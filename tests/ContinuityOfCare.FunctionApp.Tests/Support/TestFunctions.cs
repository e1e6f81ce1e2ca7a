using System.Globalization;
using ContinuityOfCare.FunctionApp.Http;
using ContinuityOfCare.Hub.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>What the test functions were called with, in order.</summary>
public sealed class InvocationLog
{
    private readonly List<string> _inputs = [];

    /// <summary>Each invocation's input, as text.</summary>
    public IReadOnlyList<string> Inputs
    {
        get
        {
            lock (_inputs)
            {
                return [.. _inputs];
            }
        }
    }

    /// <summary>Records one invocation.</summary>
    public void Add(string input)
    {
        lock (_inputs)
        {
            _inputs.Add(input);
        }
    }
}

/// <summary>Queue <c>%EchoInput%</c> → the message and its dequeue count to <c>%EchoOutput%</c>.</summary>
public sealed class EchoFunction(InvocationLog log)
{
    [Function("Echo")]
    [QueueOutput("%EchoOutput%")]
    public string[] Run([QueueTrigger("%EchoInput%")] string message, long dequeueCount)
    {
        log.Add(dequeueCount.ToString(CultureInfo.InvariantCulture));
        return [message, dequeueCount.ToString(CultureInfo.InvariantCulture)];
    }
}

/// <summary>Queue <c>%FailingInput%</c>: always throws, recording each attempt's dequeue count.</summary>
public sealed class AlwaysFailsFunction(InvocationLog log)
{
    [Function("AlwaysFails")]
    public void Run([QueueTrigger("%FailingInput%")] string message, long dequeueCount)
    {
        log.Add(dequeueCount.ToString(CultureInfo.InvariantCulture));
        throw new InvalidOperationException("this test function always fails");
    }
}

/// <summary>A timer that also runs at start-up.</summary>
public sealed class TickFunction(InvocationLog log)
{
    [Function("Tick")]
    public void Run([TimerTrigger("0 0 7 * * *", RunOnStartup = true)] TimerInfo timer) => log.Add("tick " + timer.IsPastDue);
}

/// <summary><c>GET|POST /api/ping/{id}</c> at function level.</summary>
public sealed class PingFunction(InvocationLog log)
{
    [Function("Ping")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = "ping/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var input = await HttpBridge.ReadAsync(request, new Dictionary<string, string> { ["id"] = id }, ApiRequest.MaxBodyBytes, cancellationToken);
        log.Add(input.Method);
        var who = input.Query.GetValueOrDefault("who", "nobody");
        return new HubHttpResult(HttpResponseOutput.Text(201, $"pong {id} {who} {input.Body}"));
    }
}
