using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Endpoints.InboxUpload;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>Registers the pipeline (docs/pipeline.md): its functions and the services they share.</summary>
public static class PipelineServiceExtensions
{
    /// <summary>
    /// Adds the state stores, email (outbox, renderers, sender), the planning options (obligation numbers from the
    /// <c>Obligations</c> section, the secure-mail allow-list from <c>Mail:SecureRecipients</c>), acknowledgement links (<c>Acknowledgements</c> section), the pipeline services and
    /// every pipeline function. A host may register its own <see cref="IClock"/> (tests and the main job's <c>--now</c> do).
    /// <para>The state stores and email are registered (and their settings validated at start-up) when their required
    /// settings are present — <c>State:IndexKey</c> and <c>Mail:Smtp:Host</c> — or when the host registered them
    /// itself. A host configured with neither (a test of an unrelated function) still starts; the pipeline functions
    /// then fail when invoked, naming the missing service.</para>
    /// </summary>
    public static IServiceCollection AddHubPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        // Everything, always: a setting the hub needs (State:IndexKey, Mail:Smtp:*) is validated at start and a missing
        // one stops the host with a message naming it, rather than leaving part of the pipeline silently unregistered.
        services.AddHubState();
        if (!services.Any(d => d.ServiceType == typeof(Mail.Outbox.AlertOutbox)))
        {
            services.AddHubMail();
        }

        services.AddSentAlertIndex();

        services.AddHostedService<PipelineInitializer>();
        // After the state tables and containers exist (hosted services start in registration order).
        services.TryAddSingleton<Upgrade.FeedArrivalBackfill>();
        services.TryAddSingleton<Upgrade.PossibleMatchOwnerBackfill>();
        services.AddHostedService<Upgrade.UpgradeBackfillInitializer>();
        // A confirmed possible match is routed like the route step routes a file.
        services.TryAddSingleton<IPossibleMatchRouter, ConfirmedMatchRouter>();
        services.TryAddSingleton<HeldRecordReader>();

        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddOptions<ObligationOptions>().BindConfiguration(ObligationOptions.SectionName);
        services.AddOptions<AcknowledgementOptions>().BindConfiguration(AcknowledgementOptions.SectionName);
        services.AddSecureMailPolicy();
        services.TryAddSingleton(provider => new PlanOptions
        {
            Catalogue = ObligationCatalogue.From(provider.GetRequiredService<IOptions<ObligationOptions>>().Value),
            SecureMail = provider.GetRequiredService<SecureMailPolicy>(),
        });
        services.TryAddSingleton(provider => AcknowledgementTokens.FromOptions(provider.GetRequiredService<IOptions<AcknowledgementOptions>>().Value));
        // This host serves /api/ack/, so Alert Forms that ask for an obligation carry the link (replacing email's no-link default).
        services.Replace(ServiceDescriptor.Singleton<IAcknowledgementLinkIssuer, PipelineAcknowledgementLinks>());
        services.TryAddSingleton<CalendarProvider>();
        services.TryAddSingleton<RegisterCache>();
        services.TryAddSingleton<ObligationReferences>();
        services.TryAddSingleton<FileIngestor>();
        services.TryAddSingleton<PlanEffects>();
        services.TryAddSingleton<FileRouter>();
        services.TryAddSingleton<Escalator>();
        services.TryAddSingleton<OutboxSweeper>();
        services.TryAddSingleton<Obligations.ObligationReconciler>();
        services.AddOptions<FeedAlarmOptions>().BindConfiguration(FeedAlarmOptions.SectionName);
        services.TryAddSingleton<FeedWatch>();
        services.TryAddSingleton<DirectoryRefresher>();

        services.TryAddSingleton<InboxSweep>();
        services.AddOptions<Retention.RetentionOptions>()
            .BindConfiguration(Retention.RetentionOptions.Section)
            .Validate(o => o.Validate().Count == 0, "Retention settings are invalid: Retention:RawFiles must be at least one day and Retention:Containers must name at least one container.")
            .ValidateOnStart();
        services.TryAddSingleton<Retention.RetentionSweeper>();
        return services;
    }
}
