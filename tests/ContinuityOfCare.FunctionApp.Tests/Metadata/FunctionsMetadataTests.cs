using System.Text.Json;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Metadata;

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK writes from the function classes' attributes is what the Functions host
/// in Azure reads: every function, its trigger and its outputs are checked here against the design (docs/hosting.md).
/// </summary>
public sealed class FunctionsMetadataTests
{
    // name → (trigger type, queue / path / schedule / route, output queue or null, extra: blob source or auth level)
    public static TheoryData<string, string, string, string?, string?> Expected => new()
    {
        { "Ingest", "queueTrigger", "ingest", "route", null },
        { "Route", "queueTrigger", "route", "send", null },
        { "Send", "queueTrigger", "send", null, null },
        { "InboxCourtLists", "blobTrigger", "court-lists/{name}", "ingest", "EventGrid" },
        { "InboxCourtResults", "blobTrigger", "court-results/{name}", "ingest", "EventGrid" },
        { "InboxDischarges", "blobTrigger", "discharges/{name}", "ingest", "EventGrid" },
        { "InboxClients", "blobTrigger", "clients/{name}", "ingest", "EventGrid" },
        { "InboxCalendar", "blobTrigger", "calendar/{name}", "ingest", "EventGrid" },
        { "DirectoryImport", "blobTrigger", "directory/{name}", null, "EventGrid" },
        { "ScheduledIngestion", "timerTrigger", "0 0 6,7 * * *", "ingest", null },
        { "OutboxSweep", "timerTrigger", "0 */15 * * * *", "send", null },
        { "ObligationReconcile", "timerTrigger", "0 45 3 * * *", null, null },
        { "ObligationOrchestration", "orchestrationTrigger", "", null, null },
        { "ObligationEscalate", "activityTrigger", "", null, null },
        { "ObligationEscalationEmail", "activityTrigger", "", null, null },
        { "ObligationGrace", "activityTrigger", "", null, null },
        { "MissingFeedAlarm", "timerTrigger", "0 5,35 * * * *", null, null },
        { "DirectoryRefresh", "timerTrigger", "0 0 6 1 * *", null, null },
        { "RetentionSweep", "timerTrigger", "0 30 2 * * *", null, null },
        { "BounceCheck", "timerTrigger", "0 */10 * * * *", null, null },
        { "TodayRecount", "timerTrigger", "0 */5 * * * *", null, null },
        { "Health", "httpTrigger", "health", null, "Function" },
        { "ObligationsList", "httpTrigger", "obligations", null, "Function" },
        { "ObligationFulfil", "httpTrigger", "obligations/{id}/fulfil", null, "Function" },
        { "ObligationShow", "httpTrigger", "obligations/{id}", null, "Function" },
        { "ObligationsReconcile", "httpTrigger", "obligations/reconcile", null, "Function" },
        { "PossibleMatchesList", "httpTrigger", "possible-matches", null, "Function" },
        { "PossibleMatchDecide", "httpTrigger", "possible-matches/{id}/{decision}", null, "Function" },
        { "ComplianceReport", "httpTrigger", "reports/compliance", null, "Function" },
        { "ClientTimeline", "httpTrigger", "clients/{id}/timeline", null, "Function" },
        { "InboxUpload", "httpTrigger", "inbox/{kind}", null, "Function" },
        { "Acknowledge", "httpTrigger", "ack/{token}", null, "Anonymous" },
        { "Console", "httpTrigger", "console/{*path}", null, "Anonymous" },
        { "ConsoleAssets", "httpTrigger", "console/assets/{*file}", null, "Anonymous" },
    };

    /// <summary>Route and the possible-match confirmation start orchestrations; the ack link, the fulfil API and the console raise "fulfilled"; reconciliation starts the missing; show reads one.</summary>
    private static readonly HashSet<string> DurableClientFunctions = ["Route", "PossibleMatchDecide", "Acknowledge", "ObligationFulfil", "ObligationReconcile", "ObligationShow", "ObligationsReconcile", "Console"];

    [Fact]
    public void FunctionsMetadata_Hosting_HoldsExactlyTheDesignedFunctions()
    {
        var names = Functions().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void FunctionsMetadata_Hosting_TriggerAndOutputAsDesigned(string name, string triggerType, string target, string? outputQueue, string? extra)
    {
        var function = Assert.Single(Functions(), f => f.GetProperty("name").GetString() == name);
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = Assert.Single(bindings, b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

        Assert.Equal(triggerType, trigger.GetProperty("type").GetString());
        var key = triggerType switch { "queueTrigger" => "queueName", "blobTrigger" => "path", "timerTrigger" => "schedule", "httpTrigger" => "route", _ => null };
        Assert.Equal(target, key is null ? "" : trigger.GetProperty(key).GetString());
        switch (triggerType)
        {
            case "blobTrigger":
                Assert.Equal(extra, trigger.GetProperty("source").GetString());
                break;
            case "httpTrigger":
                Assert.Equal(extra, trigger.GetProperty("authLevel").GetString());
                break;
        }

        // A function that starts orchestrations or raises their events has the Durable client binding.
        var durableClient = bindings.Any(b => b.GetProperty("type").GetString() == "durableClient");
        Assert.Equal(DurableClientFunctions.Contains(name), durableClient);
        var queues = bindings.Where(b => b.GetProperty("type").GetString() == "queue").Select(b => b.GetProperty("queueName").GetString()).ToList();
        Assert.Equal(outputQueue is null ? [] : [outputQueue], queues);
    }

    private static List<JsonElement> Functions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"the Worker SDK's functions.metadata is missing from {AppContext.BaseDirectory}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
