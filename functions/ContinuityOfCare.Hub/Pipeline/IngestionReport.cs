using System.Text.Json;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The per-file ingestion report (docs/pipeline.md "Ingest" step 4: rejected records in a per-file report, blob + summary row): every
/// rejected record and warning with its line or JSON path and reason, or the one reason the whole file was refused.
/// The summary row is the ingested-files table's counts.
/// </summary>
public static class IngestionReport
{
    /// <summary>The report as UTF-8 JSON.</summary>
    public static byte[] ToUtf8Json(
        string container, string fileName, string sha256, string status, int recordsAccepted, IReadOnlyList<Rejection> problems, Rejection? fileRejection)
    {
        ArgumentNullException.ThrowIfNull(problems);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("container", container);
            json.WriteString("file", fileName);
            json.WriteString("sha256", sha256);
            json.WriteString("status", status);
            json.WriteNumber("recordsAccepted", recordsAccepted);
            json.WriteNumber("recordsRejected", problems.Count(p => !p.IsWarning));
            json.WriteNumber("warnings", problems.Count(p => p.IsWarning));
            if (fileRejection is null)
            {
                json.WriteNull("fileRejection");
            }
            else
            {
                json.WriteString("fileRejection", fileRejection.Reason);
            }

            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteString("kind", problem.IsWarning ? "warning" : "rejected");
                if (problem.Where.Line is { } line)
                {
                    json.WriteNumber("line", line);
                }
                else
                {
                    json.WriteNull("line");
                }

                json.WriteString("path", problem.Where.JsonPath);
                json.WriteString("reason", problem.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
