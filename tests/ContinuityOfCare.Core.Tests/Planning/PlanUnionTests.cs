using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Planning;

/// <summary>
/// docs/plan.md "One file at a time": the union of per-file plans keeps each deterministic id once — what the hub's
/// insert-if-absent stores hold — and adds up what differs.
/// </summary>
public class PlanUnionTests
{
    private static Plan Released(string file) =>
        TestWorld.Plan([TestWorld.Client(prison: "LEI")], discharges: [TestWorld.Discharge(MovementType.Release, "CR", "OUT", file: file)]);

    [Theory]
    [InlineData("a.csv", "a.csv", 1)]
    [InlineData("a.csv", "b.csv", 2)]
    public void The_union_keeps_each_id_once(string firstFile, string secondFile, int copies)
    {
        var first = Released(firstFile);
        var second = Released(secondFile);
        Assert.NotEmpty(first.Events);
        Assert.NotEmpty(first.Alerts);
        Assert.NotEmpty(first.ObligationsOpened);

        var union = PlanUnion.Unite([first, second], TestWorld.Now, first.DirectoryVersion, first.Counts.RegisterClients, []);

        Assert.Equal(first.Events.Count * copies, union.Events.Count);
        Assert.Equal(first.Alerts.Count * copies, union.Alerts.Count);
        Assert.Equal(first.ObligationsOpened.Count * copies, union.ObligationsOpened.Count);
        Assert.Equal(union.Events.Count, union.Counts.Events);
        Assert.Equal(union.ObligationsOpened.Count, union.Counts.ObligationsOpened);
        Assert.Equal(first.Counts.Discharges * 2, union.Counts.Discharges);
    }

    [Fact]
    public void Rejections_are_sorted_by_source_then_line_as_one_plan_sorts_them()
    {
        var union = PlanUnion.Unite([], TestWorld.Now, 1, 0,
            [new Rejection(new SourceRef("b.csv", 3), "x"), new Rejection(new SourceRef("a.csv", 9), "y"), new Rejection(new SourceRef("a.csv", 2), "z")]);

        Assert.Equal(["a.csv:2", "a.csv:9", "b.csv:3"], union.Rejected.Select(r => $"{r.Where.SourceFile}:{r.Where.Line}"));
    }
}
