using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>
/// The serializer settings of plan JSON (docs/plan.md), made once: indented with "\n" line endings, every Unicode
/// letter written as itself, instants in UTC and London times with their offset (<see cref="PlanJsonFormats"/>).
/// </summary>
internal static class PlanJsonContexts
{
    private static readonly string[] PlanOnlyAlertMembers = ["status", "heldReason", "eventId"];

    /// <summary>For writing and reading plans.</summary>
    public static PlanJsonContext Plan { get; } = new(Options(indented: true));

    /// <summary>
    /// An Alert Form alone, compact, without the plan's view of it (status, held reason, event id): the shape the mail
    /// outbox stores.
    /// </summary>
    public static JsonTypeInfo<AlertDocument> FormOnly { get; } = FormOnlyTypeInfo();

    private static JsonSerializerOptions Options(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.Converters.Add(NodaConverters.InstantConverter);
        options.Converters.Add(NodaConverters.LocalDateConverter);
        options.Converters.Add(new NodaPatternConverter<OffsetDateTime>(PlanJsonFormats.LondonPattern));
        return options;
    }

    private static JsonTypeInfo<AlertDocument> FormOnlyTypeInfo()
    {
        var options = Options(indented: false);
        options.TypeInfoResolver = PlanJsonContext.Default.WithAddedModifier(info =>
        {
            if (info.Type == typeof(AlertDocument))
            {
                foreach (var property in info.Properties.Where(p => PlanOnlyAlertMembers.Contains(p.Name)).ToList())
                {
                    info.Properties.Remove(property);
                }
            }
        });
        return (JsonTypeInfo<AlertDocument>)options.GetTypeInfo(typeof(AlertDocument));
    }
}
