using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Tests.Hostile;

/// <summary>What one parser made of one input, in the shape every format shares: records kept (with their line where the record carries one), rejections, warnings, and the whole-file rejection.</summary>
internal sealed record ParseOutcome(
    int Records,
    IReadOnlyList<int> RecordLines,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyList<Rejection> Warnings,
    Rejection? FileRejection);
