using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.LocalRunner;

/// <summary>One <c>[Function]</c> method as its attributes describe it: the trigger, and the queue its return value goes to.</summary>
public sealed record IndexedFunction(
    string Name,
    MethodInfo Method,
    TriggerKind Kind,
    ParameterInfo TriggerParameter,
    string? QueueName,
    string? Schedule,
    bool RunOnStartup,
    string? BlobContainer,
    AuthorizationLevel AuthLevel,
    IReadOnlyList<string> HttpMethods,
    string? Route,
    string? OutputQueue);
