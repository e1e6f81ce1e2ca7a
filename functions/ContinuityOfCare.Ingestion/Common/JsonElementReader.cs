using System.Text.Json;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Reads the value <paramref name="reader"/> is on (its first token already read) through to its last token, keeping
/// what it needs. Returns false when the bytes in hand end first: <see cref="JsonStreamWalker"/> then reads more and
/// calls again from the value's start, so a reader must start afresh on every call. Malformed JSON throws
/// <see cref="JsonException"/> from the reader itself, at the same token a skip would.
/// </summary>
internal delegate bool JsonElementReader(ref Utf8JsonReader reader);
