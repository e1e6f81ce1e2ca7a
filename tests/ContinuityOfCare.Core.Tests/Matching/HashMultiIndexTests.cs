using ContinuityOfCare.Core.Matching;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>The compact index behind docs/domain.md "Matching": every stored position comes back, shared keys included, in register order.</summary>
public class HashMultiIndexTests
{
    [Fact]
    public void Matching_index_returns_every_position_stored_under_a_key_and_only_those_in_register_order()
    {
        // Few distinct keys, so that keys repeat and share buckets.
        var keys = Gen.Choose(0, 40).Select(k => (ulong)k * 0x0123_4567_89AB_CDEFUL).ArrayOf();
        Prop.ForAll(keys.ToArbitrary(), keys =>
        {
            var index = HashMultiIndex.Build(keys, default);
            return keys.Distinct().Append(0xDEAD_BEEFUL).All(key =>
            {
                var found = new List<int>();
                index.CollectInto(key, found);
                return found.SequenceEqual(Enumerable.Range(0, keys.Length).Where(i => keys[i] == key));
            });
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Matching_index_returns_the_positions_given_with_the_keys()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong[]>(), keys =>
        {
            var positions = Enumerable.Range(0, keys.Length).Select(i => (i * 3) + 7).ToArray();
            var index = HashMultiIndex.Build(keys, positions);
            return keys.Distinct().All(key =>
            {
                var found = new List<int>();
                index.CollectInto(key, found);
                return found.SequenceEqual(Enumerable.Range(0, keys.Length).Where(i => keys[i] == key).Select(i => positions[i]));
            });
        }).QuickCheckThrowOnFailure();
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
