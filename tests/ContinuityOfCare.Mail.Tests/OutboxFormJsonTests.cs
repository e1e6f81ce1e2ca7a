using System.Text.Json;
using ContinuityOfCare.Mail.Outbox;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>The outbox stores the form in the plan's alert shape and reads it with the core's plan reader.</summary>
public sealed class OutboxFormJsonTests
{
    [Fact]
    public void OutboxForm_RoundTripsEveryFieldThroughTheCorePlanReader()
    {
        foreach (var form in new[] { SampleAlerts.Transfer(), SampleAlerts.ReleaseWithoutPersonalDetails() })
        {
            var back = OutboxFormJson.Deserialize(OutboxFormJson.Serialize(form));
            Assert.Equal(form with { Boxes = [] }, back with { Boxes = [] });
            Assert.Equal(form.Boxes, back.Boxes);
        }
    }

    [Fact]
    public void OutboxForm_MissingFieldIsNamed()
    {
        var error = Assert.Throws<JsonException>(() => OutboxFormJson.Deserialize("""{"id":"a"}"""));
        Assert.Contains("client is missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The stored shape is the plan's alert object without the plan's view of it, compact, in the documented order.</summary>
    [Fact]
    public void OutboxForm_IsThePlanAlertShapeWithoutThePlansView()
    {
        var form = SampleAlerts.Transfer();

        var json = OutboxFormJson.Serialize(form);

        Assert.StartsWith($"{{\"id\":\"{form.Id}\",\"reference\":\"{form.Reference}\",\"event\":\"{form.Event}\",\"processPoint\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"heldReason\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"eventId\"", json, StringComparison.Ordinal);
        Assert.EndsWith($"\"createdAt\":\"{NodaTime.Text.InstantPattern.ExtendedIso.Format(form.CreatedAt)}\"}}", json, StringComparison.Ordinal);
    }
}
