using ContinuityOfCare.Core.Acknowledgements;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Acknowledgements.AcknowledgementTestKeys;

namespace ContinuityOfCare.Core.Tests.Acknowledgements;

/// <summary>architecture.md "Security rules": whatever arrives at <c>/ack/{token}</c>, verification never throws and never says Valid unless we signed it.</summary>
public sealed class AcknowledgementTokenPropertyTests
{
    private static readonly AcknowledgementTokens Verifier = Tokens();

    [Fact]
    public void Verify_SecurityRules_ArbitraryStringsNeverThrowAndAreNeverValid()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000),
            Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => Verifier.Verify(text, Now) is not AcknowledgementVerification.Valid));
    }

    /// <summary>Strings over the token alphabet with one dot: the shapes most likely to get past the first checks.</summary>
    [Fact]
    public void Verify_SecurityRules_TokenShapedStringsNeverThrowAndAreNeverValid()
    {
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".ToCharArray();
        var part = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars));
        var tokens = Gen.Zip(part, part).Select(p => p.Item1 + "." + p.Item2).ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000),
            Prop.ForAll(tokens, text => Verifier.Verify(text, Now) is not AcknowledgementVerification.Valid));
    }

    /// <summary>Any one-character change, insertion or deletion of a real token is never Valid (and never throws).</summary>
    [Fact]
    public void Verify_SecurityRules_MutatedRealTokensAreNeverValid()
    {
        var token = Verifier.Issue("3f2a9c0d1e4b5a69788796a5b4c3d2e1", Now, Nonce()).Token;
        var positions = Gen.Zip(Gen.Choose(0, token.Length - 1), Gen.Choose(0, 2), (index, kind) => (Index: index, Kind: kind));
        var mutations = Gen.Zip(positions, Gen.Elements("Aa0-_.=+/ \u00e9".ToCharArray()), (p, c) => Mutate(token, p.Index, p.Kind, c))
            .Where(mutated => mutated != token)
            .ToArbitrary();

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000),
            Prop.ForAll(mutations, mutated => Verifier.Verify(mutated, Now) is not AcknowledgementVerification.Valid));
    }

    [Fact]
    public void Verify_SecurityRules_EveryIssuedTokenRoundTrips()
    {
        var ids = ArbMap.Default.GeneratorFor<NonEmptyString>()
            .Select(s => s.Get)
            .Where(s => System.Text.Encoding.UTF8.GetByteCount(s) <= 255 && !s.Contains('\uFFFD', StringComparison.Ordinal) && IsWellFormed(s));
        var cases = Gen.Zip(ids, Gen.Choose(0, 1_000_000)).ToArbitrary();

        Prop.ForAll(cases, c =>
            {
                var now = Now + Duration.FromSeconds(c.Item2);
                var issued = Verifier.Issue(c.Item1, now);
                return Verifier.Verify(issued.Token, now) is AcknowledgementVerification.Valid valid && valid.ObligationId == c.Item1;
            })
            .QuickCheckThrowOnFailure();
    }

    private static bool IsWellFormed(string text)
    {
        // Lone surrogates do not survive UTF-8; obligation ids are hex in practice, so only well-formed text is in scope.
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Mutate(string token, int index, int kind, char c) => kind switch
    {
        0 => token[..index] + c + token[(index + 1)..],
        1 => token.Insert(index, c.ToString()),
        _ => token.Remove(index, 1),
    };
}
