using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// The API under Azure Functions: the host forwards an HTTP request as <c>POST /{FunctionName}</c> with
/// <c>{"Data":{"req":{Url, Method, Query, Headers, Params, Body}},"Metadata":{…}}</c> (docs/hosting.md) and reads the
/// answer from <c>Outputs.res</c>. The function key is the host's business there, so these calls carry none.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ApiCustomHandlerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CustomHandler_FulfilPayloadFromTheFunctionsHost_FulfilsAndAnswersInOutputsRes()
    {
        var prefix = azurite.UniqueName("apich");
        await using var app = await HubTestApp.StartCustomHandlerAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["State:IndexKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
            ["State:TablePrefix"] = prefix,
        });
        var store = app.App.Services.GetRequiredService<ObligationStore>();
        await app.App.Services.GetRequiredService<StateTables>().EnsureCreatedAsync(CancellationToken.None);
        var now = SystemClock.Instance.GetCurrentInstant();
        var id = ApiTestHost.NewId("ob");
        await store.OpenAsync(new NewObligation(
            new Obligation(id, RuleIds.CjitDirToPrison, "CJIT-LDS", now - Duration.FromDays(1), now + Duration.FromDays(1), false, ObligationPriority.Standard),
            "C-1", "E-1", "send the DIR"), CancellationToken.None);
        var payload = """
            {"Data":{"req":{"Url":"https://hub.example/api/obligations/OBLIGATION_ID/fulfil","Method":"POST","Query":{},
            "Headers":{"Content-Type":["application/json"]},"Params":{"id":"OBLIGATION_ID"},"Body":"{\"by\":\"duty.worker\"}"}},
            "Metadata":{"id":"\"OBLIGATION_ID\"","sys":{"MethodName":"ObligationFulfil"}}}
            """.Replace("OBLIGATION_ID", id, StringComparison.Ordinal);

        using var response = await app.Client.PostAsync("/ObligationFulfil", new StringContent(payload, Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var res = answer.RootElement.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(200, res.GetProperty("statusCode").GetInt32());
        using var body = JsonDocument.Parse(res.GetProperty("body").GetString()!);
        Assert.Equal("fulfilled", body.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(ObligationState.FulfilledOnTime, (await store.GetAsync(id, CancellationToken.None))!.Obligation.State);
    }

    [Fact]
    public async Task CustomHandler_InvalidQuery_AnswersAProblemInOutputsRes()
    {
        await using var app = await HubTestApp.StartCustomHandlerAsync(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["State:IndexKey"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()),
            ["State:TablePrefix"] = azurite.UniqueName("apich"),
        });
        const string payload = """
            {"Data":{"req":{"Url":"https://hub.example/api/obligations?status=finished","Method":"GET","Query":{"status":"finished"},
            "Headers":{},"Params":{},"Body":null}},"Metadata":{}}
            """;

        using var response = await app.Client.PostAsync("/ObligationsList", new StringContent(payload, Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var res = answer.RootElement.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(400, res.GetProperty("statusCode").GetInt32());
        Assert.StartsWith("application/problem+json", res.GetProperty("headers").GetProperty("Content-Type").GetString(), StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(res.GetProperty("body").GetString()!);
        ApiProblemAssert.IsProblem(problem.RootElement, 400);
    }
}
