using System.Text.Json;

namespace ContinuityOfCare.Hub.Pipeline.Messages;

/// <summary>Serialises the pipeline's queue messages (camelCase JSON, source-generated).</summary>
public static class PipelineJson
{
    /// <summary>The message as JSON text.</summary>
    public static string Serialize<T>(T message)
        where T : class => JsonSerializer.Serialize(message, typeof(T), PipelineJsonContext.Default);

    /// <summary>The message read from JSON text.</summary>
    /// <exception cref="JsonException">The text is not a message of this type (a poison candidate).</exception>
    public static T Deserialize<T>(string text)
        where T : class =>
        JsonSerializer.Deserialize(text, typeof(T), PipelineJsonContext.Default) as T
        ?? throw new JsonException($"The message is not a {typeof(T).Name}.");
}
