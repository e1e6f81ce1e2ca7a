using ContinuityOfCare.Core.Acknowledgements;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Acknowledgements.AcknowledgementTestKeys;

namespace ContinuityOfCare.Core.Tests.Acknowledgements;

/// <summary>architecture.md "Security rules" (keys from configuration, rotatable): the options and the key ring.</summary>
public sealed class AcknowledgementOptionsTests
{
    [Fact]
    public void Validate_SecurityRules_ValidOptionsBuildARingSigningWithTheCurrentKey()
    {
        var options = Options("k2", ("k1", Base64Secret(1)), ("k2", Base64Secret(2)));

        Assert.Empty(options.Validate());
        var ring = options.ToKeyRing();
        Assert.Equal("k2", ring.Current.Id);
        Assert.Equal(["k1", "k2"], ring.KeyIds());
        Assert.Equal(Duration.FromDays(14), options.ValidityDuration);
    }

    [Fact]
    public void Validate_SecurityRules_UrlSafeBase64SecretsAreAccepted()
    {
        var urlSafe = Convert.ToBase64String(Enumerable.Repeat((byte)0xFB, 32).ToArray()).Replace('+', '-').Replace('/', '_').TrimEnd('=');

        Assert.Empty(Options("k1", ("k1", urlSafe)).Validate());
    }

    public static TheoryData<AcknowledgementOptions, string> Invalid => new()
    {
        { Options("k1"), "Acknowledgements:Keys must list at least one key" },
        { Options("", ("k1", Base64Secret(1))), "Acknowledgements:CurrentKeyId must name the key" },
        { Options("k3", ("k1", Base64Secret(1))), "Acknowledgements:CurrentKeyId is \"k3\", which is not one of Acknowledgements:Keys (k1)" },
        { Options("k1", ("k1", "not base64!")), "Acknowledgements:Keys:k1 is not valid base64" },
        { Options("k1", ("k1", Convert.ToBase64String(new byte[31]))), "Acknowledgements:Keys:k1 decodes to 31 bytes; at least 32 are required" },
        { Options("k1", ("k1", Base64Secret(1)), ("bad-id", Base64Secret(2))), "Acknowledgements:Keys:bad-id has an invalid key id" },
        { Options("k1", TimeSpan.Zero, ("k1", Base64Secret(1))), "Acknowledgements:Validity must be more than zero and at most 90 days" },
        { Options("k1", TimeSpan.FromDays(91), ("k1", Base64Secret(1))), "Acknowledgements:Validity must be more than zero and at most 90 days" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_SecurityRules_InvalidOptionsSayWhichKeyAndWhy(AcknowledgementOptions options, string expected)
    {
        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        var thrown = Assert.Throws<AcknowledgementOptionsException>(options.ToKeyRing);
        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecurityRules_MessagesNeverEchoASecret()
    {
        var shortSecret = Convert.ToBase64String(Enumerable.Repeat((byte)0x5A, 20).ToArray());
        var errors = Options("k1", ("k1", shortSecret)).Validate();

        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.Contains(shortSecret, StringComparison.Ordinal));
    }

    [Fact]
    public void FromOptions_SecurityRules_UsesTheConfiguredValidity()
    {
        var tokens = AcknowledgementTokens.FromOptions(Options("k1", TimeSpan.FromDays(2), ("k1", Base64Secret(1))));

        Assert.Equal(Now + Duration.FromDays(2), tokens.Issue("o", Now, Nonce()).ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k-1")]
    [InlineData("k 1")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Key_SecurityRules_RefusesIdsOutsideLettersAndDigits(string id)
    {
        Assert.Throws<ArgumentException>(() => new AcknowledgementKey(id, Secret(1)));
    }

    [Fact]
    public void Key_SecurityRules_RefusesShortSecretsAndNeverPrintsTheSecret()
    {
        Assert.Throws<ArgumentException>(() => new AcknowledgementKey("k1", new byte[31]));
        Assert.Equal("acknowledgement key k1", Key("k1", 1).ToString());
    }

    [Fact]
    public void KeyRing_SecurityRules_RefusesDuplicateEmptyOrMissingCurrent()
    {
        Assert.Throws<ArgumentException>(() => new AcknowledgementKeyRing("k1", [Key("k1", 1), Key("k1", 2)]));
        Assert.Throws<ArgumentException>(() => new AcknowledgementKeyRing("k1", []));
        Assert.Throws<ArgumentException>(() => new AcknowledgementKeyRing("k2", [Key("k1", 1)]));
        Assert.Null(new AcknowledgementKeyRing("k1", [Key("k1", 1)]).Find("k2"));
    }

    private static AcknowledgementOptions Options(string current, params (string Id, string Secret)[] keys) =>
        Options(current, TimeSpan.FromDays(14), keys);

    private static AcknowledgementOptions Options(string current, TimeSpan validity, params (string Id, string Secret)[] keys)
    {
        var options = new AcknowledgementOptions { CurrentKeyId = current, Validity = validity };
        foreach (var (id, secret) in keys)
        {
            options.Keys[id] = secret;
        }

        return options;
    }
}
