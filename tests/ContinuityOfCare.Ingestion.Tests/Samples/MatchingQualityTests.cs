using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Ingestion.Samples.MatchingQuality;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Samples;

/// <summary>docs/benchmarks.md "Matching quality": the generator's documented shares, and the goals on a mid-sized world.</summary>
public sealed class MatchingQualityTests
{
    private static readonly MatchingQualitySettings Settings = new(7, 50_000, 8_000, 0.5);
    private static readonly Lazy<MatchingQualityWorld> World = new(() => MatchingQualityGenerator.Generate(Settings));

    [Fact]
    public void Variant_shares_add_up_to_one_and_name_every_client_variant()
    {
        Assert.Equal(1.0, MatchingVariantShares.ForClients.Sum(s => s.Share), 6);
        var named = MatchingVariantShares.ForClients.Select(s => s.Variant).ToHashSet();
        Assert.Equal(Enum.GetValues<MatchingVariant>().Where(v => v != MatchingVariant.Stranger).ToHashSet(), named);
    }

    [Fact]
    public void The_same_settings_give_the_same_world()
    {
        var again = MatchingQualityGenerator.Generate(Settings);
        Assert.Equal(World.Value.Clients.Select(c => (c.Id, c.Surname, c.Forenames, c.DateOfBirth)), again.Clients.Select(c => (c.Id, c.Surname, c.Forenames, c.DateOfBirth)));
        Assert.Equal(World.Value.Defendants.Select(d => (d.ClientId, d.Variant, d.Person.Surname, d.Person.DateOfBirth)), again.Defendants.Select(d => (d.ClientId, d.Variant, d.Person.Surname, d.Person.DateOfBirth)));
    }

    [Fact]
    public void Every_variant_occurs_with_roughly_its_share()
    {
        var clients = World.Value.Defendants.Where(d => d.ClientId is not null).ToList();
        foreach (var (variant, share) in MatchingVariantShares.ForClients)
        {
            var seen = clients.Count(d => d.Variant == variant) / (double)clients.Count;
            Assert.InRange(seen, share * 0.6, (share * 1.4) + 0.002);
        }
    }

    [Fact]
    public void Strangers_never_agree_with_a_client_on_surname_first_forename_and_date_of_birth()
    {
        var keys = World.Value.Clients.Select(c => (NameFolding.Surname(c.Surname), NameFolding.Forenames(c.Forenames)[0], c.DateOfBirth)).ToHashSet();
        var strangers = World.Value.Defendants.Where(d => d.Variant == MatchingVariant.Stranger).ToList();
        Assert.NotEmpty(strangers);
        Assert.DoesNotContain(strangers, s => keys.Contains((NameFolding.Surname(s.Person.Surname), NameFolding.Forenames(s.Person.Forenames)[0], s.Person.DateOfBirth!.Value)));
    }

    [Fact]
    public void Matching_meets_the_goals_on_a_fifty_thousand_client_register()
    {
        var ticks = 0L;
        var report = MatchingQualityReport.Measure(World.Value, () => TimeSpan.FromTicks(ticks++));
        Assert.Equal(0, report.WrongMatches);
        Assert.True(report.Recall >= 0.99, $"recall {report.Recall:P2}");
        Assert.True(report.StrangersHeld <= 0.02, $"strangers held {report.StrangersHeld:P2}");
        Assert.Equal(World.Value.Defendants.Count, report.TrueClients + report.Strangers);
        Assert.All(report.Outcomes.Where(o => o.Variant is MatchingVariant.DayMonthSwapped or MatchingVariant.ForenameVariant or MatchingVariant.SurnameSlip),
            o => Assert.Equal(0, o.MatchedRight + o.MatchedWrong));
    }
}
