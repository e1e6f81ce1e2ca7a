using ContinuityOfCare.Storage.Tables;
using ContinuityOfCare.Testing;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

/// <summary>
/// Edm round-trips through a real Azurite: generated values (FsCheck generators, sampled because the check is
/// asynchronous I/O) are written in transactions and read back exactly, by point read and by query.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableEdmConformanceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GeneratedValuesOfEveryType_RoundTripExactlyThroughTheService()
    {
        var table = new TableClient(azurite.ConnectionString, azurite.UniqueName("edm"));
        await table.CreateIfNotExistsAsync();
        var strings = EdmGenerators.Strings.Sample(60);
        var ints = EdmGenerators.Int32s.Sample(60);
        var longs = EdmGenerators.Int64s.Sample(60);
        var doubles = EdmGenerators.Doubles.Sample(60);
        var instants = EdmGenerators.Instants.Sample(60);
        var binaries = EdmGenerators.Binaries.Sample(60);
        var guids = EdmGenerators.Guids.Sample(60);
        var written = Enumerable.Range(0, 60).Select(i => new TableEntity("p", $"{i:D2}")
        {
            ["S"] = strings[i],
            ["I"] = ints[i],
            ["L"] = longs[i],
            ["D"] = doubles[i],
            ["T"] = instants[i],
            ["X"] = binaries[i],
            ["G"] = guids[i],
            ["B"] = i % 2 == 0,
        }).ToList();

        await table.SubmitTransactionAsync(written.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        var queried = await table.QueryAsync().ToListAsync();
        var pointRead = (await table.GetEntityAsync("p", "07")).Value;

        Assert.Equal(written.Count, queried.Count);
        foreach (var (expected, actual) in written.Zip(queried).Append((written[7], pointRead)))
        {
            Assert.Equal(expected.RowKey, actual.RowKey);
            foreach (var (name, value) in expected)
            {
                Assert.True(EdmGenerators.SameValue(value, actual[name]), $"{name}: wrote {Describe(value)}, read {Describe(actual[name])}");
            }
        }
    }

    private static string Describe(object value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        DateTimeOffset instant => instant.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string text => string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))),
        double number => number.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{value} ({value.GetType().Name})",
    };
}
