using System.Text.Json.Nodes;
using ContinuityOfCare.FunctionApp.Invocation;

namespace ContinuityOfCare.FunctionApp.CustomHandler;

/// <summary>
/// Builds the custom handler response <c>{"Outputs":{…},"Logs":[…],"ReturnValue":…}</c>. A queue output is always a
/// JSON array of strings: the host base64-decodes a lone string (azure-functions-host,
/// <c>HttpScriptInvocationResultExtensions.GetBindingValue</c>) and would garble it. The HTTP output is
/// <c>{statusCode, body, headers}</c> (the host's <c>HttpOutputBindingResponse</c>).
/// </summary>
public static class CustomHandlerResponse
{
    /// <summary>The body for a successful invocation.</summary>
    public static JsonObject Success(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outputs = new JsonObject();
        foreach (var binding in context.Definition.QueueOutputs)
        {
            if (context.QueueMessages.TryGetValue(binding.Name, out var messages) && messages.Count > 0)
            {
                outputs[binding.Name] = new JsonArray([.. messages.Select(message => (JsonNode?)JsonValue.Create(message))]);
            }
        }

        if (context.Definition.HttpOutput is { } httpBinding)
        {
            var response = context.HttpResponse ?? new HttpResponseOutput(204, null, new Dictionary<string, string>());
            var headers = new JsonObject();
            foreach (var (name, value) in response.Headers)
            {
                headers[name] = value;
            }

            outputs[httpBinding.Name] = new JsonObject
            {
                ["statusCode"] = response.StatusCode,
                ["body"] = response.Body,
                ["headers"] = headers,
            };
        }

        return new JsonObject { ["Outputs"] = outputs, ["Logs"] = new JsonArray(), ["ReturnValue"] = null };
    }

    /// <summary>
    /// The body for a failed invocation, sent with a non-2xx status (a 2xx with an empty body would hang the host
    /// until the function timeout). It names the failure kind, never the exception message (which may hold input data).
    /// </summary>
    public static JsonObject Failure(string functionName, string invocationId, string error) => new()
    {
        ["Outputs"] = new JsonObject(),
        ["Logs"] = new JsonArray($"{functionName} failed (invocation {invocationId}): {error}"),
        ["ReturnValue"] = null,
        ["Error"] = error,
    };
}
