using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Hub.Endpoints.Acknowledge;
using ContinuityOfCare.Hub.Endpoints.ClientTimeline;
using ContinuityOfCare.Hub.Endpoints.ComplianceReport;
using ContinuityOfCare.Hub.Endpoints.Health;
using ContinuityOfCare.Hub.Endpoints.InboxUpload;
using ContinuityOfCare.Hub.Endpoints.ObligationFulfil;
using ContinuityOfCare.Hub.Endpoints.ObligationsList;
using ContinuityOfCare.Hub.Endpoints.PossibleMatchDecide;
using ContinuityOfCare.Hub.Endpoints.PossibleMatchesList;
using ContinuityOfCare.Hub.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Api;

/// <summary>Registers the HTTP API (docs/api.md): its functions and the services they share.</summary>
public static class ApiServiceExtensions
{
    /// <summary>Adds the API functions and their services. Services are added with TryAdd, so a host may register its own first.</summary>
    public static IServiceCollection AddHubApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        // The domain clock: the same one the pipeline uses, so a fulfilment, an acknowledgement and a confirmed match
        // are stamped on the hub's timeline (a host or test that sets the hub's "now" sets it for the API too).
        services.TryAddSingleton<NodaTime.IClock>(NodaTime.SystemClock.Instance);
        // One CalendarProvider for the whole app (the pipeline's TryAdd of it is then a no-op): the health check reports
        // the calendar in force, including a bank-holiday file just loaded from the calendar inbox (its cache included).
        services.TryAddSingleton<CalendarProvider>();
        services.TryAddSingleton<ICalendarSource, StoredCalendarSource>();
        services.TryAddSingleton<QueueProbe>();
        services.TryAddSingleton<SmtpProbe>();
        services.TryAddSingleton<ObligationFulfilment>();
        services.TryAddSingleton<AcknowledgementReplayStore>();
        // The same registration as the pipeline's (first one wins): links it signs are verified with the same key ring.
        services.AddOptions<AcknowledgementOptions>().BindConfiguration(AcknowledgementOptions.SectionName);
        services.TryAddSingleton(provider => AcknowledgementTokens.FromOptions(provider.GetRequiredService<IOptions<AcknowledgementOptions>>().Value));
        services.TryAddScoped<HealthEndpoint>();
        services.TryAddScoped<ObligationsListEndpoint>();
        services.TryAddScoped<ObligationFulfilEndpoint>();
        services.TryAddScoped<Endpoints.ObligationShow.ObligationShowEndpoint>();
        services.TryAddScoped<Endpoints.ObligationsReconcile.ObligationsReconcileEndpoint>();
        services.TryAddScoped<AcknowledgeEndpoint>();
        services.TryAddScoped<PossibleMatchesListEndpoint>();
        services.TryAddScoped<PossibleMatchDecideEndpoint>();
        services.TryAddScoped<ComplianceReportEndpoint>();
        services.TryAddScoped<ClientTimelineEndpoint>();
        services.TryAddScoped<InboxUploadEndpoint>();

        return services;
    }
}
