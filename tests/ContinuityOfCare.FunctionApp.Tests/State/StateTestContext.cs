using ContinuityOfCare.Mail.Outbox;
using System.Security.Cryptography;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using Azure.Data.Tables;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.FunctionApp.Tests.State;

/// <summary>Every store over tables of its own (a unique prefix per test) in the shared Azurite, with a random index key.</summary>
public sealed class StateTestContext
{
    private StateTestContext(StateTables tables, KeyedHasher hasher, byte[] key)
    {
        Tables = tables;
        Hasher = hasher;
        Key = key;
        State = new HubState(
            tables,
            new ClientRegisterStore(tables, hasher, NullLogger<ClientRegisterStore>.Instance),
            new IngestedFileStore(tables),
            new EventStore(tables),
            new ObligationStore(tables, NullLogger<ObligationStore>.Instance),
            new TaskStore(tables),
            new PossibleMatchStore(tables),
            new AuditStore(tables),
            new NoticeStore(new OperatorNoticeStore(tables.Get(TableNames.Notices))));
    }

    public StateTables Tables { get; }

    public KeyedHasher Hasher { get; }

    public byte[] Key { get; }

    public HubState State { get; }

    public static async Task<StateTestContext> CreateAsync(AzuriteFixture azurite, Action<StateOptions>? configure = null)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var options = new StateOptions { TablePrefix = azurite.UniqueName("s"), IndexKey = Convert.ToBase64String(key) };
        configure?.Invoke(options);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [HubStorage.DefaultConnectionSetting] = azurite.ConnectionString })
            .Build();
        var tables = new StateTables(HubStorage.ForConnectionString(azurite.ConnectionString), Options.Create(options));
        var context = new StateTestContext(tables, new KeyedHasher(key), key);
        await context.State.EnsureCreatedAsync(CancellationToken.None);
        return context;
    }

    /// <summary>Every raw row of one table (for assertions on what is actually stored).</summary>
    public async Task<IReadOnlyList<TableEntity>> RowsAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Tables.Get(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
