using ContinuityOfCare.Mail.Transport;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>architecture.md "Security rules": STARTTLS is required except for a loopback development relay.</summary>
public sealed class SmtpOptionsValidatorTests
{
    private static SmtpOptions Valid() => new() { Host = "smtp.example.gov.uk", SenderAddress = "hub@example.gov.uk" };

    [Fact]
    public void SecurityRules_DefaultsWithHostAndSenderAreValid() =>
        Assert.True(new SmtpOptionsValidator().Validate(null, Valid()).Succeeded);

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("smtp.example.gov.uk", false)]
    [InlineData("127.0.0.1.evil.com", false)]
    public void SecurityRules_StartTlsMayBeOffOnlyOnLoopback(string host, bool valid)
    {
        var options = Valid();
        options.Host = host;
        options.RequireStartTls = false;
        Assert.Equal(valid, new SmtpOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Options_EveryGuardFires()
    {
        var options = new SmtpOptions
        {
            Host = "", Port = 0, SenderAddress = "nope", Timeout = TimeSpan.Zero, UserName = "u", MessageIdDomain = "bad domain",
            BounceAddress = "Bounces <b@x.gov.uk>", PoolSize = 17, KeepAliveAfter = TimeSpan.Zero,
        };
        var result = new SmtpOptionsValidator().Validate(null, options);
        Assert.Equal(9, result.Failures!.Count());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(16, true)]
    [InlineData(0, false)]
    [InlineData(17, false)]
    public void Options_PoolSizeIsBetweenOneAndSixteen(int size, bool valid)
    {
        var options = Valid();
        options.PoolSize = size;
        Assert.Equal(valid, new SmtpOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Options_BounceAddressIsABareAddressWhenGiven()
    {
        var options = Valid();
        options.BounceAddress = "bounces@example.gov.uk";
        Assert.True(new SmtpOptionsValidator().Validate(null, options).Succeeded);
    }
}
