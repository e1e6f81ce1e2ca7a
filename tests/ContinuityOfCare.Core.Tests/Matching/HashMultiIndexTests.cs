using ContinuityOfCare.Core.Matching;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>The compact index behind docs/domain.md "Matching": every stored position comes back, shared keys included.</summary>
public class HashMultiIndexTests
{
    [Fact]
    public void Matching_index_returns_every_position_stored_under_a_key_and_only_those()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong[]>(), keys =>
        {
            var index = new HashMultiIndex(keys.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                index.Add(keys[i], i);
            }

            return keys.Distinct().All(key =>
            {
                var found = new List<int>();
                index.CollectInto(key, found);
                var expected = Enumerable.Range(0, keys.Length).Where(i => keys[i] == key);
                return found.Order().SequenceEqual(expected);
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Matching_index_refuses_more_entries_than_it_was_sized_for()
    {
        var index = new HashMultiIndex(1);
        for (var i = 0; i < 8; i++)
        {
            index.Add((ulong)i, i);
        }

        Assert.Throws<InvalidOperationException>(() => index.Add(99, 99));
    }

    [Fact]
    public void Matching_normalisation_is_idempotent()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var once = NameNormaliser.Normalise(text);
            return NameNormaliser.Normalise(once) == once;
        }).QuickCheckThrowOnFailure();
    }
}
