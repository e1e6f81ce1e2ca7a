using System.Text.Json;
using Azure;
using ContinuityOfCare.Storage.Tables;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    private static TableEntity RoundTrip(TableEntity entity)
    {
        using var document = JsonDocument.Parse(TableEntityJson.Serialize(entity));
        return TableEntityJson.Read(document.RootElement);
    }

    [Fact]
    public void Serialize_AnnotatesTypesJsonCannotCarry()
    {
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "x",
            ["B"] = true,
            ["I"] = 1,
            ["L"] = 2L,
            ["D"] = 3.0,
            ["G"] = Guid.Empty,
            ["T"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["X"] = new byte[] { 1, 2 },
        };

        var json = System.Text.Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"S\":\"x\",\"B\":true,\"I\":1," +
            "\"L@odata.type\":\"Edm.Int64\",\"L\":\"2\"," +
            "\"D@odata.type\":\"Edm.Double\",\"D\":3," +
            "\"G@odata.type\":\"Edm.Guid\",\"G\":\"00000000-0000-0000-0000-000000000000\"," +
            "\"T@odata.type\":\"Edm.DateTime\",\"T\":\"2024-01-02T03:04:05.0000000Z\"," +
            "\"X@odata.type\":\"Edm.Binary\",\"X\":\"AQI=\"}",
            json);
    }

    [Fact]
    public void Read_MinimalMetadata_SystemPropertiesAndUnannotatedNumbers()
    {
        const string json = "{\"odata.metadata\":\"m\",\"odata.etag\":\"W/\\\"datetime'x'\\\"\",\"PartitionKey\":\"p\",\"RowKey\":\"r\"," +
            "\"Timestamp\":\"2024-01-01T00:00:00.1234567Z\",\"I\":5,\"D\":1.5,\"N@odata.type\":\"Edm.Double\",\"N\":\"NaN\",\"Nothing\":null}";
        using var document = JsonDocument.Parse(json);

        var entity = TableEntityJson.Read(document.RootElement);

        Assert.Equal(("p", "r"), (entity.PartitionKey, entity.RowKey));
        Assert.Equal(new ETag("W/\"datetime'x'\""), entity.ETag);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.Equal(5, entity["I"]);
        Assert.Equal(1.5, entity["D"]);
        Assert.True(double.IsNaN(entity.GetDouble("N")!.Value));
        Assert.Equal(["I", "D", "N"], entity.Keys);
    }

    [Fact]
    public void Read_ValueNotMatchingAnnotation_ThrowsFormatException()
    {
        using var document = JsonDocument.Parse("{\"L@odata.type\":\"Edm.Int64\",\"L\":\"twelve\"}");

        Assert.Throws<FormatException>(() => TableEntityJson.Read(document.RootElement));
    }

    [Fact]
    public void Json_RoundTrip_PropertyForEveryEdmType()
    {
        var values = Gen.OneOf(
            EdmGenerators.Strings.Select(v => (object)v),
            EdmGenerators.Int32s.Select(v => (object)v),
            EdmGenerators.Int64s.Select(v => (object)v),
            EdmGenerators.Doubles.Select(v => (object)v),
            EdmGenerators.Instants.Select(v => (object)v),
            EdmGenerators.Binaries.Select(v => (object)v),
            EdmGenerators.Guids.Select(v => (object)v),
            Gen.Elements(true, false).Select(v => (object)v));

        Prop.ForAll(values.ToArbitrary(), value =>
        {
            var read = RoundTrip(new TableEntity("p", "r") { ["V"] = value })["V"];
            return EdmGenerators.SameValue(value, read);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void TypedGetters_WidenInt32_RefuseOtherTypes_NullWhenAbsent()
    {
        var entity = new TableEntity("p", "r") { ["I"] = 7, ["S"] = "s" };

        Assert.Equal(7L, entity.GetInt64("I"));
        Assert.Equal(7.0, entity.GetDouble("I"));
        Assert.Null(entity.GetString("absent"));
        Assert.Null(entity.GetGuid("absent"));
        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("S"));
        Assert.Throws<InvalidOperationException>(() => entity.GetString("I"));
        Assert.Throws<InvalidOperationException>(() => entity.GetBinary("S"));
        Assert.Throws<InvalidOperationException>(() => entity.GetDateTimeOffset("S"));
        Assert.Throws<InvalidOperationException>(() => entity.GetBoolean("S"));
    }

    [Fact]
    public void Set_DateTimeOffset_StoredAsUtc_UtcDateTimeAccepted()
    {
        var entity = new TableEntity("p", "r")
        {
            ["A"] = new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)),
            ["B"] = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc),
        };

        Assert.Equal(TimeSpan.Zero, entity.GetDateTimeOffset("A")!.Value.Offset);
        Assert.Equal(entity.GetDateTimeOffset("A"), entity.GetDateTimeOffset("B"));
    }

    [Theory]
    [InlineData("PartitionKey")]
    [InlineData("RowKey")]
    [InlineData("Timestamp")]
    [InlineData("odata.etag")]
    [InlineData("X@odata.type")]
    [InlineData("")]
    public void Set_ReservedOrEmptyName_Throws(string name)
    {
        var entity = new TableEntity("p", "r");

        Assert.ThrowsAny<ArgumentException>(() => entity[name] = 1);
        Assert.ThrowsAny<ArgumentException>(() => entity.Add(name, 1));
    }

    [Fact]
    public void Set_NullName_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new TableEntity("p", "r")[null!] = 1);
    }

    [Fact]
    public void Set_NullValue_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new TableEntity("p", "r")["A"] = null!);
    }

    [Theory]
    [MemberData(nameof(UnsupportedValues))]
    public void Set_UnsupportedValue_Throws(object value)
    {
        Assert.Throws<ArgumentException>(() => new TableEntity("p", "r")["A"] = value);
    }

    public static TheoryData<object> UnsupportedValues => new()
    {
        3.5m,
        (short)1,
        'c',
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Local),
        new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
        new List<int>(),
    };

    [Fact]
    public void Keys_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new TableEntity(null!, "r"));
        Assert.Throws<ArgumentNullException>(() => new TableEntity("p", null!));
        Assert.Throws<ArgumentNullException>(() => new TableEntity().PartitionKey = null!);
        Assert.Throws<ArgumentNullException>(() => new TableEntity().RowKey = null!);
    }

    [Fact]
    public void DictionaryMembers_Behave()
    {
        var entity = new TableEntity("p", "r");
        entity.Add("A", 1);

        Assert.Throws<ArgumentException>(() => entity.Add("A", 2));
        Assert.True(entity.ContainsKey("A"));
        Assert.True(entity.TryGetValue("A", out var value));
        Assert.Equal(1, value);
        Assert.True(entity.Remove("A"));
        Assert.Empty(entity.Keys);
        entity["B"] = "b";
        entity.Clear();
        Assert.Empty(entity);
        Assert.Equal(("p", "r"), (entity.PartitionKey, entity.RowKey));
    }
}
