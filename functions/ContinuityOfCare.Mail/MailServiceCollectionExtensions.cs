using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Mail;

/// <summary>Registers email: options (validated at start-up), transport, resilient sender, renderers and the outbox.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Mail:Smtp</c>, <c>Mail:Resilience</c>, <c>Mail:SecureRecipients</c> and <c>Mail:Outbox</c>; the outbox
    /// tables live in the <c>AzureWebJobsStorage</c> account (the host creates them at start-up). Needs an <see cref="IClock"/>
    /// registration when the outbox is resolved (SystemClock.Instance in the hosts).
    /// </summary>
    public static IServiceCollection AddHubMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<MailResilienceOptions>().BindConfiguration(MailResilienceOptions.SectionName);
        services.AddSecureMailPolicy();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISmtpTransport, SmtpTransport>();
        services.AddSingleton<IMailSender, ResilientMailSender>();
        services.AddSingleton<AlertFormRenderer>();
        // No link by default; a host that serves /api/ack/ replaces this (the pipeline does).
        services.TryAddSingleton<IAcknowledgementLinkIssuer, NoAcknowledgementLinks>();
        services.AddSingleton<EscalationRenderer>();
        services.AddSingleton<OperatorNoticeRenderer>();
        services.AddSingleton<AlertEmailFactory>();
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var options = provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
            var storage = configuration["AzureWebJobsStorage"]
                ?? throw new InvalidOperationException("AzureWebJobsStorage is not configured; the mail outbox needs it.");
            TableClient Table(string name) => new(storage, name);
            var smtp = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var sender = provider.GetRequiredService<IMailSender>();
            var notices = new OperatorNoticeBoard(Table(options.NoticesTable), sender, smtp, options, provider.GetRequiredService<ILogger<OperatorNoticeBoard>>());
            return new AlertOutbox(
                Table(options.AlertsTable),
                provider.GetRequiredService<AlertEmailFactory>(),
                sender,
                provider.GetRequiredService<SecureMailPolicy>(),
                notices,
                new DirectoryEntryFlags(Table(options.DirectoryFlagsTable)),
                options,
                smtp,
                provider.GetRequiredService<IOptions<MailResilienceOptions>>().Value,
                provider.GetRequiredService<IClock>(),
                provider.GetRequiredService<ILogger<AlertOutbox>>());
        });
        return services;
    }

    /// <summary>
    /// Binds <c>Mail:SecureRecipients</c> and registers the one <see cref="SecureMailPolicy"/> that routing, sending and
    /// SPOC directory validation share (architecture.md "Security rules"). Safe to call from every registration that
    /// needs it: the section is bound once, so a configured list is never doubled or mixed with the defaults.
    /// </summary>
    public static IServiceCollection AddSecureMailPolicy(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(SecureMailPolicy)))
        {
            return services;
        }

        services.AddOptions<SecureMailOptions>().BindConfiguration(SecureMailOptions.SectionName);
        services.AddSingleton(provider => SecureMailPolicy.FromOptions(provider.GetRequiredService<IOptions<SecureMailOptions>>().Value));
        return services;
    }
}
