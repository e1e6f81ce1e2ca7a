using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Mail.Bounces;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Azure.Data.Tables;
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
    /// Binds <c>Mail:Smtp</c>, <c>Mail:Resilience</c>, <c>Mail:SecureRecipients</c>, <c>Mail:Outbox</c> and <c>Mail:Bounces</c>; the outbox
    /// tables live in the <c>AzureWebJobsStorage</c> account (the host creates them at start-up). Needs an <see cref="IClock"/>
    /// registration when the outbox is resolved (SystemClock.Instance in the hosts), and the host's
    /// <see cref="OperatorNoticeStore"/>: the one notice table, which the host owns (the hub's state tables) so that its own
    /// notices and the outbox's delivery notices are kept, listed and emailed in one place.
    /// </summary>
    public static IServiceCollection AddHubMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddOptions<MailResilienceOptions>().BindConfiguration(MailResilienceOptions.SectionName);
        services.AddSecureMailPolicy();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.AddOptions<BounceOptions>().BindConfiguration(BounceOptions.SectionName);
        services.AddSingleton<BounceProcessor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<ISmtpTransport, SmtpTransport>();
        // One operator notice per breaker transition (a host may replace it before calling AddHubMail).
        services.TryAddSingleton<IRelayStateObserver, OutboxRelayStateObserver>();
        services.AddSingleton<IMailSender>(provider => new ResilientMailSender(
            provider.GetRequiredService<ISmtpTransport>(),
            provider.GetRequiredService<IOptions<SmtpOptions>>(),
            provider.GetRequiredService<IOptions<MailResilienceOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ResilientMailSender>>(),
            provider.GetRequiredService<IRelayStateObserver>()));
        services.AddSingleton<AlertFormRenderer>();
        // No link by default; a host that serves /api/ack/ replaces this (the pipeline does).
        services.TryAddSingleton<IAcknowledgementLinkIssuer, NoAcknowledgementLinks>();
        services.AddSingleton<EscalationRenderer>();
        services.AddSingleton<OperatorNoticeRenderer>();
        services.AddSingleton<AlertEmailFactory>();
        services.AddSentAlertIndex();
        services.AddSingleton(provider =>
        {
            // The host's Table service client (connection string locally, managed identity in Azure).
            var options = provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
            var tables = provider.GetRequiredService<TableServiceClient>();
            TableClient Table(string name) => tables.GetTableClient(name);
            var smtp = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var sender = provider.GetRequiredService<IMailSender>();
            var notices = new OperatorNoticeBoard(provider.GetRequiredService<OperatorNoticeStore>(), Table(options.AlertsTable), smtp, options, provider.GetRequiredService<ILogger<OperatorNoticeBoard>>());
            return new AlertOutbox(
                Table(options.AlertsTable),
                provider.GetRequiredService<AlertEmailFactory>(),
                sender,
                provider.GetRequiredService<SecureMailPolicy>(),
                notices,
                new DirectoryEntryFlags(Table(options.DirectoryFlagsTable)),
                provider.GetRequiredService<SentAlertIndex>(),
                options,
                smtp,
                provider.GetRequiredService<IOptions<MailResilienceOptions>>().Value,
                provider.GetRequiredService<IClock>(),
                provider.GetRequiredService<ILogger<AlertOutbox>>());
        });
        return services;
    }

    /// <summary>
    /// Registers the day index of sent Alert Forms (<see cref="SentAlertIndex"/>, table <c>Mail:Outbox:SentByDayTable</c>)
    /// unless registered: the outbox writes it, a host's pages read it. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddSentAlertIndex(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.TryAddSingleton(provider => new SentAlertIndex(
            provider.GetRequiredService<TableServiceClient>().GetTableClient(provider.GetRequiredService<IOptions<OutboxOptions>>().Value.SentByDayTable)));
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
