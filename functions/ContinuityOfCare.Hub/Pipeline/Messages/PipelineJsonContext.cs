using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuityOfCare.Hub.Pipeline.Messages;

/// <summary>The source-generated serialiser context of the queue messages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestMessage))]
[JsonSerializable(typeof(RouteMessage))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
