using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.State;

/// <summary>Registers the hub's state stores (docs/state.md).</summary>
public static class HubStateServiceExtensions
{
    /// <summary>
    /// Adds every store, <see cref="HubState"/>, options from the <c>State</c> section (validated at start: the
    /// <c>State:IndexKey</c> secret must be base64 of at least 32 bytes) and a hosted service creating the tables.
    /// </summary>
    public static IServiceCollection AddHubState(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(StateTables)))
        {
            return services;
        }

        services.AddOptions<StateOptions>().BindConfiguration(StateOptions.Section)
            .Validate(o => HasValidKey(o), "State:IndexKey must be base64 of at least 32 bytes (a secret from configuration)")
            .Validate(o => o.TablePrefix.All(char.IsAsciiLetterOrDigit) && (o.TablePrefix.Length == 0 || char.IsAsciiLetter(o.TablePrefix[0])), "State:TablePrefix must be letters and digits, starting with a letter")
            .Validate(o => o.MaxConcurrencyRetries >= 1 && o.Parallelism >= 1, "State:MaxConcurrencyRetries and State:Parallelism must be at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHubStorage();
        services.TryAddSingleton<StateTables>();
        services.TryAddSingleton(provider => new KeyedHasher(provider.GetRequiredService<IOptions<StateOptions>>().Value.IndexKeyBytes()));
        services.TryAddSingleton<ClientRegisterStore>();
        services.TryAddSingleton<IngestedFileStore>();
        services.TryAddSingleton<FeedArrivalStore>();
        services.TryAddSingleton<EventStore>();
        services.TryAddSingleton<ObligationStore>();
        services.TryAddSingleton<TaskStore>();
        services.TryAddSingleton<PossibleMatchStore>();
        services.TryAddSingleton<AuditStore>();
        // The one notice store, which the mail library asks its host for: the outbox's delivery notices and the hub's
        // own land in the same (prefixed) table.
        services.TryAddSingleton(provider => new OperatorNoticeStore(provider.GetRequiredService<StateTables>().Get(TableNames.Notices)));
        services.TryAddSingleton<NoticeStore>();
        services.TryAddSingleton<HubState>();
        services.AddHostedService<HubStateInitializer>();
        return services;
    }

    private static bool HasValidKey(StateOptions options)
    {
        try
        {
            _ = options.IndexKeyBytes();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
