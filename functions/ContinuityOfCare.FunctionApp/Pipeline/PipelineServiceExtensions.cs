using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.FunctionApp.Api;
using ContinuityOfCare.FunctionApp.Directory;
using ContinuityOfCare.FunctionApp.Functions.DeadlineCheck;
using ContinuityOfCare.FunctionApp.Functions.DirectoryRefresh;
using ContinuityOfCare.FunctionApp.Functions.EscalationSweep;
using ContinuityOfCare.FunctionApp.Functions.InboxDrop;
using ContinuityOfCare.FunctionApp.Functions.InboxUpload;
using ContinuityOfCare.FunctionApp.Functions.Ingest;
using ContinuityOfCare.FunctionApp.Functions.MissingFeedAlarm;
using ContinuityOfCare.FunctionApp.Functions.Route;
using ContinuityOfCare.FunctionApp.Functions.ScheduledIngestion;
using ContinuityOfCare.FunctionApp.Functions.Send;
using ContinuityOfCare.FunctionApp.Hosting;
using ContinuityOfCare.FunctionApp.State;
using ContinuityOfCare.Mail;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.FunctionApp.Pipeline;

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
        if (!services.Any(d => d.ServiceType == typeof(StateTables)) && !string.IsNullOrEmpty(configuration[$"{StateOptions.Section}:IndexKey"]))
        {
            services.AddHubState();
        }

        if (!services.Any(d => d.ServiceType == typeof(Mail.Outbox.AlertOutbox)) && !string.IsNullOrEmpty(configuration[$"{SmtpOptions.SectionName}:Host"]))
        {
            services.AddHubMail();
            services.AddHostedService<PipelineInitializer>();
        }

        // A confirmed possible match is routed like the route step routes a file: registered whenever the pipeline can
        // route (its stores and outbox are registered); otherwise the confirm endpoint keeps answering 503.
        if (services.Any(d => d.ServiceType == typeof(StateTables)) && services.Any(d => d.ServiceType == typeof(Mail.Outbox.AlertOutbox)))
        {
            services.TryAddSingleton<IPossibleMatchRouter, ConfirmedMatchRouter>();
        }

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
        services.TryAddSingleton<DeadlineScheduler>();
        services.TryAddSingleton<FileIngestor>();
        services.TryAddSingleton<PlanEffects>();
        services.TryAddSingleton<FileRouter>();
        services.TryAddSingleton<Escalator>();
        services.TryAddSingleton<EscalationSweeper>();
        services.AddOptions<FeedAlarmOptions>().BindConfiguration(FeedAlarmOptions.SectionName);
        services.TryAddSingleton<FeedWatch>();
        services.TryAddSingleton<DirectoryRefresher>();

        foreach (var name in InboxDropFunction.Names)
        {
            services.AddHubFunction<InboxDropFunction>(name);
        }

        services.AddHubFunction<ScheduledIngestionFunction>(ScheduledIngestionFunction.Name);
        services.AddHubFunction<IngestFunction>(IngestFunction.Name);
        services.AddHubFunction<RouteFunction>(RouteFunction.Name);
        services.AddHubFunction<SendFunction>(SendFunction.Name);
        services.AddHubFunction<DeadlineCheckFunction>(DeadlineCheckFunction.Name);
        services.AddHubFunction<EscalationSweepFunction>(EscalationSweepFunction.Name);
        services.AddHubFunction<MissingFeedAlarmFunction>(MissingFeedAlarmFunction.Name);
        services.AddHubFunction<DirectoryRefreshFunction>(DirectoryRefreshFunction.Name);
        services.AddHubFunction<InboxUploadFunction>(InboxUploadFunction.Name);
        services.AddOptions<Retention.RetentionOptions>()
            .BindConfiguration(Retention.RetentionOptions.Section)
            .Validate(o => o.Validate().Count == 0, "Retention settings are invalid: Retention:RawFiles must be at least one day and Retention:Containers must name at least one container.")
            .ValidateOnStart();
        services.TryAddSingleton<Retention.RetentionSweeper>();
        services.AddHubFunction<Functions.RetentionSweep.RetentionSweepFunction>(Functions.RetentionSweep.RetentionSweepFunction.Name);
        return services;
    }
}
