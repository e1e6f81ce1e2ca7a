using System.Security.Cryptography;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

[Collection(StateAzuriteCollection.Name)]
public sealed class HubStateRegistrationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddHubState_BindsTheStateSection_AndCreatesEveryTableAtStart()
    {
        var prefix = azurite.UniqueName("reg");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HubStorage.DefaultConnectionSetting] = azurite.ConnectionString,
            ["State:IndexKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["State:TablePrefix"] = prefix,
        });
        builder.Services.AddHubState();
        using var host = builder.Build();

        await host.StartAsync();
        var state = host.Services.GetRequiredService<HubState>();
        foreach (var name in TableNames.All)
        {
            // Created at start: a second create reports "already there".
            Assert.Equal(409, (await state.Tables.Get(name).CreateIfNotExistsAsync()).GetRawResponse().Status);
            Assert.Equal(prefix + name, state.Tables.Get(name).Name);
        }

        await host.StopAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task AddHubState_WithoutAUsableIndexKey_FailsAtStart(string? key)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [HubStorage.DefaultConnectionSetting] = azurite.ConnectionString,
            ["State:IndexKey"] = key,
            ["State:CreateTablesAtStartup"] = "false",
        });
        builder.Services.AddHubState();
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
