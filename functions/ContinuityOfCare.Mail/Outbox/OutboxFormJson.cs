using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Planning;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The form stored in an outbox row, in exactly the shape of one item of the plan JSON's <c>alerts[]</c> (docs/plan.md),
/// so there is one Alert Form JSON shape in the hub. Read back with the core's reader
/// (<see cref="AlertFormJson.ReadAlerts(Stream)"/>), never a second parser.
/// </summary>
public static class OutboxFormJson
{
    /// <summary>Writes <paramref name="form"/> as a plan alert object.</summary>
    public static string Serialize(AlertForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            PlanJsonWriter.WriteAlertForm(json, form);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one alert object written by <see cref="Serialize"/> (or copied from a plan's <c>alerts[]</c>).</summary>
    /// <exception cref="JsonException">Not an alert object (the message names the missing field).</exception>
    public static AlertForm Deserialize(string alertJson)
    {
        ArgumentNullException.ThrowIfNull(alertJson);
        using var plan = new MemoryStream(Encoding.UTF8.GetBytes("{\"alerts\":[" + alertJson + "]}"));
        return AlertFormJson.ReadAlerts(plan).Single();
    }
}
