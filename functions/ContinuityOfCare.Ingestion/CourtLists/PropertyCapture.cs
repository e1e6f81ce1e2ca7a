using System.Text.Json;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// Captures one property of a JSON object into <paramref name="node"/>: called on the property's name, it leaves the
/// reader on the value's last token. False when the buffered bytes end first (the sitting is read again once more are in).
/// </summary>
internal delegate bool PropertyCapture<in T>(ref Utf8JsonReader reader, T node);
