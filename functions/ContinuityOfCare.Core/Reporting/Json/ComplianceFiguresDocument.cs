using System.Text.Json.Serialization;

namespace ContinuityOfCare.Core.Reporting.Json;

/// <summary>
/// One row of figures. <c>rule</c> and <c>organisation</c> appear only on the rows scoped by them (absent from
/// <c>total</c>, and each from the other's breakdown).
/// </summary>
internal sealed record ComplianceFiguresDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Rule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Organisation,
    int Opened,
    int FulfilledOnTime,
    int FulfilledLate,
    int OverdueNow,
    int Pending,
    int Cancelled,
    decimal? OnTimePercent,
    decimal? MedianLatenessHours)
{
    public static ComplianceFiguresDocument From(ComplianceFigures figures, string? rule = null, string? organisation = null) => new(
        rule, organisation, figures.Opened, figures.FulfilledOnTime, figures.FulfilledLate, figures.OverdueNow, figures.Pending,
        figures.Cancelled, figures.OnTimePercent, figures.MedianLatenessHours);
}
