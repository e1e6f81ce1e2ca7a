using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

public sealed class MailServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddHubMail();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void SecurityRules_StartTlsOffForARemoteHostFailsValidation()
    {
        using var provider = Build(new() { ["Mail:Smtp:Host"] = "smtp.example.gov.uk", ["Mail:Smtp:RequireStartTls"] = "false", ["Mail:Smtp:SenderAddress"] = "hub@example.gov.uk" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpOptions>>().Value);
        Assert.Contains("RequireStartTls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BindsFromConfigurationAndResolvesTheSender()
    {
        using var provider = Build(new()
        {
            ["Mail:Smtp:Host"] = "localhost", ["Mail:Smtp:RequireStartTls"] = "false", ["Mail:Smtp:SenderAddress"] = "hub@example.gov.uk",
            ["Mail:Resilience:MessagesPerMinute"] = "0", ["Mail:SecureRecipients:AllowedDomains:0"] = "example.org",
        });
        Assert.Equal("localhost", provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Host);
        Assert.IsType<ResilientMailSender>(provider.GetRequiredService<IMailSender>());
        Assert.Equal(["example.org"], provider.GetRequiredService<SecureMailPolicy>().Domains);
    }

    /// <summary>A registration that needs the policy twice (mail and the directory import) binds the section once: no doubled list.</summary>
    [Fact]
    public void SecurityRules_SecureMailPolicyRegisteredTwiceIsBoundOnce()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:SecureRecipients:AllowedDomains:0"] = "example.org" }).Build());
        services.AddSecureMailPolicy();
        services.AddSecureMailPolicy();
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(SecureMailPolicy));
        Assert.Equal(["example.org"], provider.GetRequiredService<SecureMailPolicy>().Domains);
    }

    [Fact]
    public void Options_BindsTheTransportAndBounceSettings()
    {
        using var provider = Build(new()
        {
            ["Mail:Smtp:Host"] = "localhost", ["Mail:Smtp:RequireStartTls"] = "false", ["Mail:Smtp:SenderAddress"] = "hub@example.gov.uk",
            ["Mail:Smtp:PoolSize"] = "4", ["Mail:Smtp:BounceAddress"] = "bounces@example.gov.uk", ["Mail:Smtp:KeepAliveAfter"] = "00:01:00",
            ["Mail:Bounces:Host"] = "imap.example.gov.uk", ["Mail:Bounces:ProcessedFolder"] = "Done", ["Mail:Outbox:MaxAutomaticRepeats"] = "1",
        });
        var smtp = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal((4, "bounces@example.gov.uk", TimeSpan.FromMinutes(1)), (smtp.PoolSize, smtp.BounceAddress, smtp.KeepAliveAfter));
        var bounces = provider.GetRequiredService<IOptions<Bounces.BounceOptions>>().Value;
        Assert.Equal(("imap.example.gov.uk", "Done", 993), (bounces.Host, bounces.ProcessedFolder, bounces.Port));
        Assert.Equal(1, provider.GetRequiredService<IOptions<Outbox.OutboxOptions>>().Value.MaxAutomaticRepeats);
        Assert.IsType<Outbox.OutboxRelayStateObserver>(provider.GetRequiredService<IRelayStateObserver>());
        Assert.NotNull(provider.GetRequiredService<SmtpConnectionPool>());
    }
}
