using System.Globalization;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Hub.State;
using Azure.Data.Tables;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

[Collection(StateAzuriteCollection.Name)]
public sealed class ClientRegisterStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Upsert_ThenLoadAll_RoundTripsEveryField()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var full = Client("C-1", "O'Brien", "Siobhán Mary", new LocalDate(1985, 3, 14), "A1234BC", pncSerial: 46583, croSerial: 12345) with
        {
            Gender = "F",
            HomePostcode = "LS1 4AB",
            CjitCode = "CJIT01",
            CurrentPrison = "LEI",
            ReleaseDate = new LocalDate(2027, 1, 5),
            Consent = new Consent(true, new HashSet<OrgType> { OrgType.Cjit, OrgType.PrisonSmt }, new LocalDate(2026, 1, 2)),
            LegalBasis = Core.Clients.LegalBasis.RiskOfHarm,
            Ppo = true,
        };
        var bare = Client("C-2", "Smith", "John", new LocalDate(1990, 1, 1));

        Assert.Equal(2, await context.State.Clients.UpsertAsync([full, bare], None));

        var loaded = await ToListAsync(context.State.Clients.LoadAllAsync(None));
        var byId = loaded.ToDictionary(c => c.Id);
        AssertSameClient(full, byId["C-1"]);
        AssertSameClient(bare, byId["C-2"]);
        AssertSameClient(full, (await context.State.Clients.GetAsync("C-1", None))!);
        Assert.Null(await context.State.Clients.GetAsync("C-404", None));
    }

    /// <summary>formats.md §5: the register is upserted by client_id; re-importing it writes nothing.</summary>
    [Fact]
    public async Task Formats5_UpsertByClientId_SameRegisterTwice_WritesNothingTheSecondTime()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var register = Enumerable.Range(1, 250).Select(i => Client($"R{i}", "Surname" + i, "Forename", new LocalDate(1980, 1, 1).PlusDays(i), Noms(i))).ToList();

        Assert.Equal(250, await context.State.Clients.UpsertAsync(register, None));
        Assert.Equal(0, await context.State.Clients.UpsertAsync(register, None));

        Assert.Equal(250, (await context.RowsAsync(TableNames.Clients)).Count);
        Assert.Equal(500, (await context.RowsAsync(TableNames.ClientIndex)).Count); // NOMS + name/DOB each
    }

    /// <summary>The service answers a query at most 1,000 entities a page: loading the register follows every continuation.</summary>
    [Fact]
    public async Task LoadAll_RegisterLargerThanOnePage_ReturnsEveryClientOnce()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var register = Enumerable.Range(1, 1_200).Select(i => Client($"P{i}", "Surname" + i, "Forename", new LocalDate(1970, 1, 1).PlusDays(i))).ToList();
        Assert.Equal(1_200, await context.State.Clients.UpsertAsync(register, None));

        var loaded = await ToListAsync(context.State.Clients.LoadAllAsync(None));

        Assert.Equal(register.Select(c => c.Id).Order(StringComparer.Ordinal), loaded.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The route step's load (one query per bucket, several at once) gives every client once and in the very order of
    /// the whole-table scan, so the matching index built from it is the same.
    /// </summary>
    [Fact]
    public async Task LoadAllByBucket_SameClientsInTheSameOrderAsTheWholeTableScan()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var register = Enumerable.Range(1, 1_200).Select(i => Client($"B{i}", "Surname" + i, "Forename", new LocalDate(1970, 1, 1).PlusDays(i))).ToList();
        Assert.Equal(1_200, await context.State.Clients.UpsertAsync(register, None));

        var scanned = await ToListAsync(context.State.Clients.LoadAllAsync(None));
        var byBucket = await context.State.Clients.LoadAllByBucketAsync(None);

        Assert.Equal(1_200, byBucket.Count);
        Assert.Equal(scanned.Select(c => c.Id), byBucket.Select(c => c.Id));
        Assert.Equal(scanned.Select(c => (c.Surname, c.DateOfBirth)), byBucket.Select(c => (c.Surname, c.DateOfBirth)));
    }

    [Fact]
    public async Task Upsert_RepeatedIdInOneCall_LastOneWins()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var first = Client("C-1", "Smith", "John", new LocalDate(1990, 1, 1), Noms(1));
        var second = first with { Surname = "Jones", Noms = NomsOf(2) };

        Assert.Equal(1, await context.State.Clients.UpsertAsync([first, second], None));

        Assert.Equal("Jones", (await context.State.Clients.GetAsync("C-1", None))!.Surname);
        Assert.Empty(await context.State.Clients.FindByNomsAsync(NomsOf(1), None));
        Assert.Equal(new[] { "C-1" }, await context.State.Clients.FindByNomsAsync(NomsOf(2), None));
    }

    /// <summary>docs/domain.md "Matching": identifier and name+DOB keys → client; the index follows identifier changes.</summary>
    [Fact]
    public async Task Matching_IdentifierIndex_AfterIdentifiersChange_FindsOnlyCurrentKeysAndKeepsNoStaleRows()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var clients = context.State.Clients;
        var before = Client("C-1", "Smith", "John", new LocalDate(1990, 1, 1), Noms(1), pncSerial: 100, croSerial: 200);
        var other = Client("C-2", "Smith", "John", new LocalDate(1990, 1, 1), Noms(9));
        await clients.UpsertAsync([before, other], None);
        Assert.Equal(new[] { "C-1" }, await clients.FindByNomsAsync(NomsOf(1), None));
        Assert.Equal(new[] { "C-1" }, await clients.FindByPncAsync(PncId.Create(2004, 100), None));
        Assert.Equal(new[] { "C-1" }, await clients.FindByCroAsync(CroNumber.Create(99, 200), None));
        Assert.Equal(new[] { "C-1", "C-2" }, (await clients.FindByNameAsync("SMITH", "john", new LocalDate(1990, 1, 1), None)).Order());

        var after = before with { Surname = "Smith-Jones", Noms = NomsOf(2), Pnc = null, Cro = CroNumber.Create(99, 201) };
        Assert.Equal(1, await clients.UpsertAsync([after], None));

        Assert.Empty(await clients.FindByNomsAsync(NomsOf(1), None));
        Assert.Empty(await clients.FindByPncAsync(PncId.Create(2004, 100), None));
        Assert.Empty(await clients.FindByCroAsync(CroNumber.Create(99, 200), None));
        Assert.Equal(new[] { "C-2" }, await clients.FindByNameAsync("Smith", "John", new LocalDate(1990, 1, 1), None));
        Assert.Equal(new[] { "C-1" }, await clients.FindByNomsAsync(NomsOf(2), None));
        Assert.Equal(new[] { "C-1" }, await clients.FindByCroAsync(CroNumber.Create(99, 201), None));
        Assert.Equal(new[] { "C-1" }, await clients.FindByNameAsync("smith jones", "JOHN", new LocalDate(1990, 1, 1), None));

        // Physically consistent: exactly the current keys of both clients (C-1: NOMS, CRO, name; C-2: NOMS, name).
        Assert.Equal(5, (await context.RowsAsync(TableNames.ClientIndex)).Count);
    }

    [Fact]
    public async Task IdentifierIndex_OrphanRow_IsIgnoredAndRemovedWhenMet()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        await context.State.Clients.UpsertAsync([Client("C-1", "Smith", "John", new LocalDate(1990, 1, 1), Noms(1))], None);
        // As left by an upsert interrupted after writing index rows for keys the client row never took.
        var hash = context.Hasher.Hash(nameof(ClientIdentifierKind.Noms), NomsOf(5).Value);
        await context.Tables.Get(TableNames.ClientIndex).AddEntityAsync(
            new TableEntity(ClientRegisterStore.IndexPartition(hash), ClientRegisterStore.IndexRow(hash, "C-1")) { ["ClientId"] = "C-1" });

        Assert.Empty(await context.State.Clients.FindByNomsAsync(NomsOf(5), None));
        Assert.Equal(2, (await context.RowsAsync(TableNames.ClientIndex)).Count);
    }

    [Fact]
    public async Task ConcurrentUpserts_OfOneClient_LeaveTheIndexMatchingTheFinalRow()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var versions = Enumerable.Range(1, 6).Select(i => Client("C-1", "Surname" + i, "John", new LocalDate(1990, 1, i), Noms(i))).ToList();

        await Task.WhenAll(versions.Select(v => Task.Run(() => context.State.Clients.UpsertAsync([v], None))));

        var final = (await context.State.Clients.GetAsync("C-1", None))!;
        Assert.Equal(new[] { "C-1" }, await context.State.Clients.FindByNomsAsync(final.Noms!.Value, None));
        Assert.Contains(versions, v => v.Noms != final.Noms);
        foreach (var other in versions.Where(v => v.Noms != final.Noms))
        {
            Assert.Empty(await context.State.Clients.FindByNomsAsync(other.Noms!.Value, None));
        }

        Assert.Equal(2, (await context.RowsAsync(TableNames.ClientIndex)).Count);
    }

    /// <summary>architecture.md "Security rules" / storage-client.md: URL paths are logged, so keys carry no plain identifiers.</summary>
    [Fact]
    public async Task SecurityRules_KeysAndIndexRows_HoldNoPlainIdentifiersNamesOrDatesOfBirth()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var client = Client("C-77", "Zebedee", "Quentin", new LocalDate(1971, 11, 23), "Q9876ZZ", pncSerial: 4242, croSerial: 777);
        await context.State.Clients.UpsertAsync([client], None);
        string[] personal = ["Q9876ZZ", client.Pnc!.Value.Value, client.Cro!.Value.Value, "ZEBEDEE", "QUENTIN", "1971-11-23", "19711123"];

        var clientRows = await context.RowsAsync(TableNames.Clients);
        Assert.NotEmpty(clientRows);
        foreach (var row in clientRows)
        {
            AssertFree(row.PartitionKey + "|" + row.RowKey, personal);
        }

        var indexRows = await context.RowsAsync(TableNames.ClientIndex);
        Assert.Equal(4, indexRows.Count);
        foreach (var row in indexRows)
        {
            var everything = row.PartitionKey + "|" + row.RowKey + "|" + string.Join("|", row.Select(p => Convert.ToString(p.Value, CultureInfo.InvariantCulture)));
            AssertFree(everything, personal);
        }

        // And the index rows are keyed by the configured key: another key would give other hashes.
        var foreign = new KeyedHasher(new byte[32]).Hash(nameof(ClientIdentifierKind.Noms), "Q9876ZZ");
        Assert.DoesNotContain(indexRows, r => r.RowKey.StartsWith(foreign, StringComparison.Ordinal));
    }

    private static void AssertFree(string text, IEnumerable<string> personal)
    {
        foreach (var value in personal)
        {
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void AssertSameClient(Client expected, Client actual)
    {
        Assert.Equal(expected with { Consent = Consent.None }, actual with { Consent = Consent.None });
        Assert.Equal(expected.Consent.Given, actual.Consent.Given);
        Assert.Equal(expected.Consent.Date, actual.Consent.Date);
        Assert.Equal(expected.Consent.Scope.Order(), actual.Consent.Scope.Order());
    }

    internal static Client Client(string id, string surname, string forenames, LocalDate dob, string? noms = null, long? pncSerial = null, long? croSerial = null) =>
        new(id, surname, forenames, dob, null,
            pncSerial is { } p ? PncId.Create(2004, p) : null,
            croSerial is { } c ? CroNumber.Create(99, c) : null,
            noms is null ? null : NomsOf(noms),
            null, null, null, null, Consent.None, null, false);

    private static string Noms(int i) => string.Create(CultureInfo.InvariantCulture, $"A{i % 10000:D4}BC");

    private static NomsNumber NomsOf(int i) => NomsOf(Noms(i));

    private static NomsNumber NomsOf(string text) =>
        NomsNumber.TryParse(text, out var noms, out _) ? noms : throw new ArgumentException("bad test NOMS");

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
