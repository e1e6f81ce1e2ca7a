namespace ContinuityOfCare.Hub.Obligations;

/// <summary>
/// The orchestration's own account of itself, kept as its custom status: what it waits for now, and its history of
/// timers, levels and events. Kept by the orchestrator (from the context's clock, so replay rebuilds it exactly)
/// because the engines differ in what history they expose — the in-process engine exposes none — and it carries
/// instants, levels and event names only: nothing personal.
/// </summary>
/// <param name="Step">What it is doing now, e.g. <c>waiting for fulfilment; due …</c>, <c>fulfilled after level 1</c>.</param>
/// <param name="History">Every timer created (with its fire instant), timer fired, level run, event received, in order.</param>
public sealed record ObligationProgress(string Step, IReadOnlyList<OrchestrationHistoryLine> History);
