using System.Text.Json;
using ContinuityOfCare.Cli.Commands;
using Xunit;

namespace ContinuityOfCare.Cli.Tests.Plan;

/// <summary><c>coc plan</c> exit codes and rejected records, on small fixtures written by each test into its own folder.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private const string Clients =
        "client_id,surname,forenames,date_of_birth,noms_number,cjit_code,current_prison,consent,consent_scope,consent_date\n" +
        "C1,Testperson,Alex,1980-03-14,A1234BC,LEEDS,LEI,yes,CJIT;PRISON_SMT,2026-01-02\n";

    private const string DirectoryCsv =
        "org_code,org_type,org_name,email,phone,escalation_email,postcode_districts,courts,effective_from\n" +
        "LEEDS,CJIT,Leeds CJIT,leeds@leeds.cjsm.net,0113 000 0000,manager@leeds.cjsm.net,LS1;LS6,B13HT,2026-01-01\n" +
        "LEI,PRISON_SMT,HMP Leeds SMT,smt@leeds.nhs.net,0113 000 0001,manager@leeds.nhs.net,,,2026-01-01\n" +
        "REGION,REGIONAL_TEAM,Regional team,dip@region.gov.uk,0113 000 0002,lead@region.gov.uk,,,2026-01-01\n";

    private const string Discharges =
        "prison_code,noms_number,surname,forenames,date_of_birth,movement_date,movement_time,movement_type,movement_reason_code,to_agency\n" +
        "LEI,A1234BC,Testperson,Alex,1980-03-14,2026-12-09,10:15,REL,CR,OUT\n" +
        "LEI,not-a-noms,Testperson,Alex,not-a-date,2026-12-09,10:15,XXX,CR,OUT\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("coc-plan-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private PlanRequest Request(string? now = "2026-12-10T15:00:00Z", string[]? discharges = null) =>
        new(Write("clients.csv", Clients), Write("directory.csv", DirectoryCsv), 3, null, now, [], [], discharges ?? [Write("LEI.csv", Discharges)], true);

    [Fact]
    public async Task Plan_exit_0_with_rejected_records_reported_in_the_output()
    {
        var (exit, output, _) = await PlanGoldenTests.RunAsync(Request());
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(3, root.GetProperty("directoryVersion").GetInt32());
        var rejected = root.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Contains(rejected, r => r.GetProperty("source").GetString() == "LEI.csv" && r.GetProperty("line").GetInt32() == 3);
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal("ReleasedToCommunity", alert.GetProperty("event").GetString());
        Assert.Equal("LEEDS", alert.GetProperty("to").GetProperty("orgCode").GetString());
        Assert.Contains(root.GetProperty("obligations").EnumerateArray(), o => o.GetProperty("rule").GetString() == "cjit.post-release-contact");
    }

    [Fact]
    public async Task Plan_exit_2_for_a_missing_file_with_a_clear_message()
    {
        var (exit, _, error) = await PlanGoldenTests.RunAsync(Request(discharges: [Path.Combine(_folder, "absent.csv")]));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_exit_2_for_an_unreadable_now()
    {
        var (exit, _, error) = await PlanGoldenTests.RunAsync(Request(now: "tomorrow-ish"));
        Assert.Equal(2, exit);
        Assert.Contains("--now", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_exit_2_for_an_unusable_client_register()
    {
        var request = Request() with { ClientsFile = Write("broken.csv", "nothing,useful\n1,2\n") };
        var (exit, _, error) = await PlanGoldenTests.RunAsync(request);
        Assert.Equal(2, exit);
        Assert.Contains("client register", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_through_the_command_line_parser_accepts_repeated_options()
    {
        var root = new System.CommandLine.RootCommand();
        root.Subcommands.Add(PlanCommand.Create());
        var request = Request();
        using var output = new StringWriter();
        var parse = root.Parse(["plan", "--clients", request.ClientsFile!, "--directory", request.DirectoryFile!, "--now", "2026-12-10T15:00:00Z",
            "--discharges", request.Discharges[0], "--discharges", request.Discharges[0], "--json"]);
        var exit = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });
        // The same file twice is refused: records are identified by file name.
        Assert.Equal(2, exit);
    }

    [Theory]
    [InlineData("client register")]
    [InlineData("SPOC directory")]
    public async Task Plan_exit_2_when_reference_data_breaks_part_way_nothing_of_it_is_used(string which)
    {
        // docs/formats.md "Reference data: whole file or nothing": a quote never closed on line 2 refuses the file.
        var request = which == "client register"
            ? Request() with { ClientsFile = Write("clients-broken.csv", Clients.Replace(",Testperson,", ",\"Testperson,", StringComparison.Ordinal) + Clients.Split('\n')[1] + "\n") }
            : Request() with { DirectoryFile = Write("directory-broken.csv", DirectoryCsv.Replace(",Leeds CJIT,", ",\"Leeds CJIT,", StringComparison.Ordinal)) };
        var (exit, output, error) = await PlanGoldenTests.RunAsync(request);
        Assert.Equal(PlanCommand.UsageError, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"cannot use the {which}", error, StringComparison.Ordinal);
        Assert.Contains("line 2: bad quoting (RFC 4180): a quoted cell is never closed", error, StringComparison.Ordinal);
        Assert.Contains("the version in force stays live", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_exit_3_when_a_feed_file_is_refused_whole_the_other_files_still_planned()
    {
        var request = Request() with { Discharges = [Write("LEI.csv", Discharges), Write("MRI.csv", "not,a,discharge,export\n1,2,3,4\n")] };
        var (exit, output, error) = await PlanGoldenTests.RunAsync(request);
        Assert.Equal(PlanCommand.FeedFileRefused, exit);
        Assert.Contains("1 feed file(s) could not be read at all", error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.Single(json.RootElement.GetProperty("alerts").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("rejected").EnumerateArray(),
            r => r.GetProperty("source").GetString() == "MRI.csv" && r.GetProperty("line").ValueKind == JsonValueKind.Null);
    }
}
