using System.Text.Json;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Reporting;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Obligations.ObligationState;
using static ContinuityOfCare.Core.Tests.Reporting.ComplianceReportBuilderTests;

namespace ContinuityOfCare.Core.Tests.Reporting;

/// <summary>
/// docs/domain.md "What the guidance measures" and "Consent and data minimisation" (aggregates only); architecture.md
/// "Security rules" (CSV cells starting with = + - @ escaped): the JSON and CSV writers.
/// </summary>
public sealed class ComplianceReportWritersTests
{
    private static readonly Instant From = Instant.FromUtc(2026, 12, 1, 0, 0);
    private static readonly Instant To = Instant.FromUtc(2027, 1, 1, 0, 0);
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 10, 12, 0);

    private static ComplianceReport Sample() => ComplianceReportBuilder.Build(
    [
        Make(RuleIds.CjitDirToPrison, "CJIT01", Instant.FromUtc(2026, 12, 24, 16, 0), Instant.FromUtc(2026, 12, 29, 9, 0), FulfilledLate, Instant.FromUtc(2026, 12, 29, 10, 30), id: "client-a0001"),
        Make(RuleIds.CjitDirToPrison, "CJIT01", Instant.FromUtc(2026, 12, 10, 15, 0), Instant.FromUtc(2026, 12, 11, 15, 0), FulfilledOnTime, Instant.FromUtc(2026, 12, 11, 9, 0), id: "client-a0002"),
        Make(RuleIds.SmtKeyworker, "LEI", Instant.FromUtc(2026, 12, 5, 10, 0), Instant.FromUtc(2026, 12, 6, 10, 0), Overdue, id: "client-a0003"),
    ], From, To, Now);

    [Fact]
    public void Json_WhatTheGuidanceMeasures_StableOrderAndFields()
    {
        var json = ComplianceReportJson.ToJson(Sample(), indented: false);

        var expected = string.Concat("""
            {"from":"2026-12-01T00:00:00Z","to":"2027-01-01T00:00:00Z","generatedAt":"2027-01-10T12:00:00Z","cohort":"obligations opened in [from, to); outcomes as at generatedAt",
            "total":{"opened":3,"fulfilledOnTime":1,"fulfilledLate":1,"overdueNow":1,"pending":0,"cancelled":0,"onTimePercent":33.3,"medianLatenessHours":1.50},
            "byRule":[{"rule":"cjit.dir-to-prison","opened":2,"fulfilledOnTime":1,"fulfilledLate":1,"overdueNow":0,"pending":0,"cancelled":0,"onTimePercent":50.0,"medianLatenessHours":1.50},
            {"rule":"smt.keyworker","opened":1,"fulfilledOnTime":0,"fulfilledLate":0,"overdueNow":1,"pending":0,"cancelled":0,"onTimePercent":0.0,"medianLatenessHours":null}],
            "byOrganisation":[{"organisation":"CJIT01","opened":2,"fulfilledOnTime":1,"fulfilledLate":1,"overdueNow":0,"pending":0,"cancelled":0,"onTimePercent":50.0,"medianLatenessHours":1.50},
            {"organisation":"LEI","opened":1,"fulfilledOnTime":0,"fulfilledLate":0,"overdueNow":1,"pending":0,"cancelled":0,"onTimePercent":0.0,"medianLatenessHours":null}],
            "byRuleAndOrganisation":[{"rule":"cjit.dir-to-prison","organisation":"CJIT01","opened":2,"fulfilledOnTime":1,"fulfilledLate":1,"overdueNow":0,"pending":0,"cancelled":0,"onTimePercent":50.0,"medianLatenessHours":1.50},
            {"rule":"smt.keyworker","organisation":"LEI","opened":1,"fulfilledOnTime":0,"fulfilledLate":0,"overdueNow":1,"pending":0,"cancelled":0,"onTimePercent":0.0,"medianLatenessHours":null}]}
            """.Split('\n').Select(line => line.Trim()));
        Assert.Equal(expected, json);
        using var parsed = JsonDocument.Parse(ComplianceReportJson.ToJson(Sample()));
        Assert.Equal(3, parsed.RootElement.GetProperty("total").GetProperty("opened").GetInt32());
    }

    [Fact]
    public void Writers_ConsentAndDataMinimisation_NoObligationOrClientIdsInTheOutput()
    {
        var json = ComplianceReportJson.ToJson(Sample());
        var csv = ComplianceReportCsv.ToCsv(Sample());

        Assert.DoesNotContain("client-a000", json, StringComparison.Ordinal);
        Assert.DoesNotContain("client-a000", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_WhatTheGuidanceMeasures_HeaderScopesAndCrlf()
    {
        var csv = ComplianceReportCsv.ToCsv(Sample());
        var lines = csv.Split("\r\n");

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 2 + 2 + 2 + 1, lines.Length); // header, total, 2 rules, 2 orgs, 2 pairs, trailing empty
        Assert.Equal("from,to,generated_at,scope,rule,organisation,opened,fulfilled_on_time,fulfilled_late,overdue_now,pending,cancelled,on_time_percent,median_lateness_hours", lines[0]);
        Assert.Equal("2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,2027-01-10T12:00:00Z,total,,,3,1,1,1,0,0,33.3,1.50", lines[1]);
        Assert.Equal("2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,2027-01-10T12:00:00Z,rule,smt.keyworker,,1,0,0,1,0,0,0.0,", lines[3]);
        Assert.Equal("2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,2027-01-10T12:00:00Z,organisation,,CJIT01,2,1,1,0,0,0,50.0,1.50", lines[4]);
        Assert.Equal("2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,2027-01-10T12:00:00Z,rule-organisation,cjit.dir-to-prison,CJIT01,2,1,1,0,0,0,50.0,1.50", lines[6]);
        Assert.DoesNotContain("\n", csv.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SecurityRules_HostileOrganisationCodesAreEscaped()
    {
        var report = ComplianceReportBuilder.Build(
            [Make("=HYPERLINK(\"http://x\")", "@SUM(A1:A9),x", From, To)], From, To, Now);

        var row = ComplianceReportCsv.ToCsv(report).Split("\r\n")[2];

        Assert.StartsWith("2026-12-01T00:00:00Z,2027-01-01T00:00:00Z,2027-01-10T12:00:00Z,rule,\"'=HYPERLINK(\"\"http://x\"\")\",,1,", row, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(A1:A9),x\"", ComplianceReportCsv.ToCsv(report), StringComparison.Ordinal);
    }

    public static TheoryData<string?, string> Cells => new()
    {
        { null, "" },
        { "", "" },
        { "LEI", "LEI" },
        { "=1+1", "'=1+1" },
        { "+44 113", "'+44 113" },
        { "-5", "'-5" },
        { "@cmd", "'@cmd" },
        { "\tx", "'\tx" },
        { "\rx", "\"'\rx\"" },
        { "a,b", "\"a,b\"" },
        { "say \"hi\"", "\"say \"\"hi\"\"\"" },
        { "two\nlines", "\"two\nlines\"" },
        { "=A1,\"B\"", "\"'=A1,\"\"B\"\"\"" },
        { "a=b", "a=b" },
        { " =x", " =x" },
        { "'quoted", "'quoted" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void CsvCell_SecurityRules_FormulaInjectionThenRfc4180Quoting(string? value, string expected)
    {
        Assert.Equal(expected, CsvCell.Escape(value));
    }
}
