using System.Text.Json;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>What <see cref="JsonStreamWalker.NextAsync"/> produced.</summary>
/// <param name="Kind">Element, scalar, end of input, or malformed JSON.</param>
/// <param name="Path">The JSON path of the value (or of where the JSON broke).</param>
/// <param name="Text">For <see cref="JsonWalkEventKind.Scalar"/>: a string's value or a number's/literal's raw text.</param>
/// <param name="TokenType">For a scalar: its token type.</param>
/// <param name="Line">For <see cref="JsonWalkEventKind.Malformed"/>: the 1-based line where the JSON broke.</param>
internal readonly record struct JsonWalkEvent(
    JsonWalkEventKind Kind,
    string Path,
    string? Text = null,
    JsonTokenType TokenType = JsonTokenType.None,
    long Line = 0);
