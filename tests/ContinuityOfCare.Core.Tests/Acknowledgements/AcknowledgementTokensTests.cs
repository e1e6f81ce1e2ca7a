using System.Buffers.Text;
using ContinuityOfCare.Core.Acknowledgements;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Acknowledgements.AcknowledgementTestKeys;

namespace ContinuityOfCare.Core.Tests.Acknowledgements;

/// <summary>architecture.md "Security rules": HMAC-SHA256 acknowledgement tokens (obligation id, expiry, key id; rotatable keys; single use).</summary>
public sealed class AcknowledgementTokensTests
{
    private const string ObligationId = "3f2a9c0d1e4b5a69788796a5b4c3d2e1";

    [Fact]
    public void Verify_SecurityRules_RoundTripIsValidWithItsObligationKeyAndNonce()
    {
        var tokens = Tokens();
        var issued = tokens.Issue(ObligationId, Now, Nonce(9));

        var result = Assert.IsType<AcknowledgementVerification.Valid>(tokens.Verify(issued.Token, Now + Duration.FromDays(1)));

        Assert.Equal(ObligationId, result.ObligationId);
        Assert.Equal("k1", result.KeyId);
        Assert.Equal(Base64Url.EncodeToString(Nonce(9)), result.Nonce);
        Assert.Equal(result.Nonce, result.ReplayKey);
        Assert.Equal(Now + FourteenDays, result.ExpiresAt);
        Assert.Equal(issued.ExpiresAt, result.ExpiresAt);
        Assert.Equal("valid", result.Outcome);
    }

    [Fact]
    public void Issue_SecurityRules_TokenIsUrlSafeTwoPartsAndNoncesDiffer()
    {
        var tokens = Tokens();
        var first = tokens.Issue(ObligationId, Now).Token;
        var second = tokens.Issue(ObligationId, Now).Token;

        Assert.NotEqual(first, second);
        Assert.Equal(2, first.Split('.').Length);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.', $"unexpected '{c}'"));
        Assert.NotEqual(
            Assert.IsType<AcknowledgementVerification.Valid>(tokens.Verify(first, Now)).ReplayKey,
            Assert.IsType<AcknowledgementVerification.Valid>(tokens.Verify(second, Now)).ReplayKey);
    }

    [Fact]
    public void Issue_SecurityRules_SameInputsGiveTheSameToken()
    {
        Assert.Equal(Tokens().Issue(ObligationId, Now, Nonce()).Token, Tokens().Issue(ObligationId, Now, Nonce()).Token);
    }

    [Fact]
    public void Verify_SecurityRules_TamperedPayloadIsForged()
    {
        var tokens = Tokens();
        var (payload, signature) = Split(tokens.Issue(ObligationId, Now, Nonce()).Token);
        var bytes = Base64Url.DecodeFromChars(payload);
        bytes[^1] ^= 0x01; // last byte of the obligation id: still a well-formed payload

        var result = tokens.Verify(Base64Url.EncodeToString(bytes) + "." + signature, Now);

        Assert.IsType<AcknowledgementVerification.Forged>(result);
        Assert.Equal("forged", result.Outcome);
    }

    [Fact]
    public void Verify_SecurityRules_PayloadMovedToAnotherObligationIsForged()
    {
        var tokens = Tokens();
        var mine = Split(tokens.Issue(ObligationId, Now, Nonce()).Token);
        var theirs = Split(tokens.Issue("another-obligation", Now, Nonce()).Token);

        Assert.IsType<AcknowledgementVerification.Forged>(tokens.Verify(theirs.Payload + "." + mine.Signature, Now));
    }

    [Fact]
    public void Verify_SecurityRules_TamperedSignatureIsForged()
    {
        var tokens = Tokens();
        var (payload, signature) = Split(tokens.Issue(ObligationId, Now, Nonce()).Token);
        var bytes = Base64Url.DecodeFromChars(signature);
        bytes[0] ^= 0x80;

        Assert.IsType<AcknowledgementVerification.Forged>(tokens.Verify(payload + "." + Base64Url.EncodeToString(bytes), Now));
    }

    [Fact]
    public void Verify_SecurityRules_SignedWithAnotherSecretUnderTheSameIdIsForged()
    {
        var attacker = Tokens("k1", ("k1", 99));
        var token = attacker.Issue(ObligationId, Now, Nonce()).Token;

        Assert.IsType<AcknowledgementVerification.Forged>(Tokens().Verify(token, Now));
    }

    [Fact]
    public void Verify_SecurityRules_KeyIdNotInTheRingIsUnknownKey()
    {
        var other = Tokens("k9", ("k9", 9));
        var token = other.Issue(ObligationId, Now, Nonce()).Token;

        var result = Assert.IsType<AcknowledgementVerification.UnknownKey>(Tokens().Verify(token, Now));
        Assert.Equal("k9", result.KeyId);
    }

    [Fact]
    public void Verify_SecurityRules_RotatedKeyStillVerifiesAndNewTokensUseTheCurrentKey()
    {
        var beforeRotation = Tokens("k1", ("k1", 1));
        var oldToken = beforeRotation.Issue(ObligationId, Now, Nonce()).Token;
        var afterRotation = Tokens("k2", ("k1", 1), ("k2", 2));

        var old = Assert.IsType<AcknowledgementVerification.Valid>(afterRotation.Verify(oldToken, Now));
        var fresh = Assert.IsType<AcknowledgementVerification.Valid>(
            afterRotation.Verify(afterRotation.Issue(ObligationId, Now, Nonce()).Token, Now));

        Assert.Equal("k1", old.KeyId);
        Assert.Equal("k2", fresh.KeyId);
        // Once k1 is retired from the ring its links stop working.
        Assert.IsType<AcknowledgementVerification.UnknownKey>(Tokens("k2", ("k2", 2)).Verify(oldToken, Now));
    }

    [Fact]
    public void Verify_SecurityRules_ExpiredAtAndAfterTheExpiryInstant()
    {
        var tokens = Tokens();
        var issued = tokens.Issue(ObligationId, Now, Nonce());

        Assert.IsType<AcknowledgementVerification.Valid>(tokens.Verify(issued.Token, issued.ExpiresAt - Duration.FromSeconds(1)));
        var atExpiry = Assert.IsType<AcknowledgementVerification.Expired>(tokens.Verify(issued.Token, issued.ExpiresAt));
        Assert.Equal(ObligationId, atExpiry.ObligationId);
        Assert.IsType<AcknowledgementVerification.Expired>(tokens.Verify(issued.Token, issued.ExpiresAt + Duration.FromDays(30)));
    }

    [Fact]
    public void Verify_SecurityRules_ExpiredButForgedIsForgedNotExpired()
    {
        var tokens = Tokens();
        var (payload, _) = Split(tokens.Issue(ObligationId, Now, Nonce()).Token);
        var forged = payload + "." + Base64Url.EncodeToString(new byte[32]);

        Assert.IsType<AcknowledgementVerification.Forged>(tokens.Verify(forged, Now + Duration.FromDays(100)));
    }

    [Fact]
    public void Issue_SecurityRules_ExpiryIsWholeSecondsAfterValidity()
    {
        var issued = Tokens().Issue(ObligationId, Now + Duration.FromMilliseconds(999), Nonce());

        Assert.Equal(Now + FourteenDays, issued.ExpiresAt);
    }

    public static TheoryData<string?> MalformedTokens => new()
    {
        null, "", ".", "abc", "abc.", ".abc", "a.b.c", "a b.c", "abc=.def", "!!!.???",
        new string('A', AcknowledgementTokens.MaximumTokenLength + 1),
        "AQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // payload too short
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public void Verify_SecurityRules_MalformedInputsAreMalformed(string? token)
    {
        Assert.IsType<AcknowledgementVerification.Malformed>(Tokens().Verify(token, Now));
    }

    [Fact]
    public void Verify_SecurityRules_PaddingWhitespaceAndTrailingBytesAreMalformed()
    {
        var tokens = Tokens();
        var token = tokens.Issue(ObligationId, Now, Nonce()).Token;
        var (payload, signature) = Split(token);
        var longer = Base64Url.EncodeToString([.. Base64Url.DecodeFromChars(payload), 0]);

        Assert.IsType<AcknowledgementVerification.Malformed>(tokens.Verify(token + "=", Now));
        Assert.IsType<AcknowledgementVerification.Malformed>(tokens.Verify(" " + token, Now));
        Assert.IsType<AcknowledgementVerification.Malformed>(tokens.Verify(payload + ".\n" + signature, Now));
        Assert.IsType<AcknowledgementVerification.Malformed>(tokens.Verify(longer + "." + signature, Now));
        Assert.IsType<AcknowledgementVerification.Malformed>(tokens.Verify(payload + "." + signature[..^2], Now));
    }

    [Fact]
    public void Verify_SecurityRules_UnknownVersionIsMalformed()
    {
        var tokens = Tokens();
        var (payload, signature) = Split(tokens.Issue(ObligationId, Now, Nonce()).Token);
        var bytes = Base64Url.DecodeFromChars(payload);
        bytes[0] = 2;

        Assert.IsType<AcknowledgementVerification.Malformed>(tokens.Verify(Base64Url.EncodeToString(bytes) + "." + signature, Now));
    }

    public static TheoryData<string, int> BadIssueArguments => new() { { "", 16 }, { new string('x', 256), 16 }, { "id", 15 }, { "id", 65 } };

    [Theory]
    [MemberData(nameof(BadIssueArguments))]
    public void Issue_SecurityRules_RefusesEmptyOrOversizedFields(string obligationId, int nonceLength)
    {
        Assert.ThrowsAny<ArgumentException>(() => Tokens().Issue(obligationId, Now, new byte[nonceLength]));
    }

    [Fact]
    public void Constructor_SecurityRules_RefusesNonPositiveValidity()
    {
        var ring = new AcknowledgementKeyRing("k1", [Key("k1", 1)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => new AcknowledgementTokens(ring, Duration.Zero));
        Assert.Throws<ArgumentNullException>(() => new AcknowledgementTokens(null!, FourteenDays));
    }

    private static (string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (parts[0], parts[1]);
    }
}
