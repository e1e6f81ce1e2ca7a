using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>
/// <c>GET /api/reports/compliance</c> (docs/domain.md "What the guidance measures"; 004 §6): per rule and organisation,
/// de-personalised, JSON and CSV with formula-injection escaping (architecture.md "Security rules").
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ComplianceReportApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ComplianceReport_004Section6_CountsOnTimeLateAndOverduePerRuleAndOrganisation()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var now = ApiTestHost.Now;
        var onTime = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", now + Duration.FromDays(1), clientId: "C-1");
        var late = await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", now - Duration.FromDays(1), clientId: "C-2");
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.SmtKeyworker, "LEI", now - Duration.FromHours(2), clientId: "C-3");
        var store = host.Services.GetRequiredService<ObligationStore>();
        await store.FulfilAsync(onTime.Id, now, "duty.worker", null, CancellationToken.None);
        await store.FulfilAsync(late.Id, late.Due + Duration.FromHours(4), "duty.worker", null, CancellationToken.None);
        var from = ApiTestHost.Iso(now - Duration.FromDays(7));
        var to = ApiTestHost.Iso(now + Duration.FromDays(1));

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, $"/api/reports/compliance?from={from}&to={to}");

        Assert.Equal(200, status);
        var total = body.GetProperty("total");
        Assert.Equal(3, total.GetProperty("opened").GetInt32());
        Assert.Equal(1, total.GetProperty("fulfilledOnTime").GetInt32());
        Assert.Equal(1, total.GetProperty("fulfilledLate").GetInt32());
        Assert.Equal(1, total.GetProperty("overdueNow").GetInt32());
        var dir = body.GetProperty("byRuleAndOrganisation").EnumerateArray()
            .Single(r => r.GetProperty("rule").GetString() == RuleIds.CjitDirToPrison && r.GetProperty("organisation").GetString() == "CJIT-LDS");
        Assert.Equal(4.0, dir.GetProperty("medianLatenessHours").GetDouble());
        // De-personalised: no client id anywhere in the report.
        Assert.DoesNotContain("C-1", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplianceReport_Csv_EscapesCellsThatASpreadsheetWouldEvaluate()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var now = ApiTestHost.Now;
        // An organisation code that is a formula: a tampered directory must not become code in the reader's spreadsheet.
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "=HYPERLINK(\"http://x\",\"y\")", now + Duration.FromDays(1));
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "@SUM(A1)", now + Duration.FromDays(1));
        var from = ApiTestHost.Iso(now - Duration.FromDays(7));
        var to = ApiTestHost.Iso(now + Duration.FromDays(1));

        var (status, _, response) = await host.SendAsync(HttpMethod.Get, $"/api/reports/compliance?from={from}&to={to}&format=csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, status);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("from,to,generated_at,scope,rule,organisation,", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",", csv, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplianceReport_Owner_CountsOnlyThoseOrganisationsObligationsInEveryRow()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        var now = ApiTestHost.Now;
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-LDS", now + Duration.FromDays(1));
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.CjitDirToPrison, "CJIT-BRD", now + Duration.FromDays(1));
        await host.OpenObligationAsync(ApiTestHost.NewId("ob"), RuleIds.SmtKeyworker, "LEI", now + Duration.FromDays(1));
        var period = $"from={ApiTestHost.Iso(now - Duration.FromDays(7))}&to={ApiTestHost.Iso(now + Duration.FromDays(1))}";

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, $"/api/reports/compliance?{period}&owner=CJIT-LDS,LEI");

        Assert.Equal(200, status);
        Assert.Equal(2, body.GetProperty("total").GetProperty("opened").GetInt32());
        Assert.Equal(["CJIT-LDS", "LEI"], body.GetProperty("byOrganisation").EnumerateArray().Select(r => r.GetProperty("organisation").GetString()).Order());
        var dir = body.GetProperty("byRule").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == RuleIds.CjitDirToPrison);
        Assert.Equal(1, dir.GetProperty("opened").GetInt32());
        Assert.DoesNotContain("CJIT-BRD", body.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-12-01&to=2026-12-31&owner=,")]
    [InlineData("to=2026-12-31")]
    [InlineData("from=2026-12-01")]
    [InlineData("from=2026-12-31&to=2026-12-01")]
    [InlineData("from=2026-12-01&to=2026-12-31&format=xlsx")]
    [InlineData("from=1st-december&to=2026-12-31")]
    public async Task ComplianceReport_InvalidPeriodOrFormat_Answers400Problem(string query)
    {
        await using var host = await ApiTestHost.StartAsync(azurite);

        var (status, body, _) = await host.SendAsync(HttpMethod.Get, "/api/reports/compliance?" + query);

        Assert.Equal(400, status);
        ApiProblemAssert.IsProblem(body, 400);
    }
}
