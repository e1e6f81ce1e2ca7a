using System.Text;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// docs/formats.md "Reference data: whole file or nothing": a client register that breaks part-way (a quote never
/// closed on line 2) is refused whole by the running hub — a consent withdrawal after the break is not half-applied,
/// the register in force stays as it was, and the operator gets a notice.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReferenceDataRefusedEndToEndTests
{
    [Fact]
    public async Task A_register_broken_part_way_is_refused_whole_the_register_in_force_kept_and_the_operator_told()
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0));
        await world.LoadReferenceDataAsync();
        var registers = world.Get<ClientRegisterStore>();
        Assert.True((await registers.GetAsync("E2E0003", CancellationToken.None))!.Consent.Given);

        // Line 2 opens a quote that never closes; line 4 withdraws E2E0003's consent.
        var broken = Encoding.UTF8.GetBytes(string.Join("\r\n",
            E2eFiles.ClientHeader,
            "E2E0001,\"Ashdown,Peter James,1984-03-15,male,,,A1234BC,LS6 2AB,LDSCJ,,,yes,CJIT;PRISON_SMT,2026-06-01,,no",
            "E2E0002,Brackley,Simon,1979-11-02,male,,,B2345CD,LS1 4XY,LDSCJ,,,no,,,,no",
            "E2E0003,Carrow,Dean,1990-07-21,male,,,C3456DE,LS2 7QQ,LDSCJ,LEI,,no,,,,no") + "\r\n");
        var sha = await world.DropAsync(InboxContainers.Clients, "clients-broken.csv", broken);
        var file = await Eventually.GetAsync(async () =>
            (await world.Get<IngestedFileStore>().GetAsync(sha, CancellationToken.None)) is { Status: not IngestedFileStatus.Claimed } row ? row : null,
            "the broken register's ingest");

        Assert.Equal(IngestedFileStatus.Rejected, file.Status);
        Assert.True((await registers.GetAsync("E2E0003", CancellationToken.None))!.Consent.Given);
        var today = LondonTime.ToLocal(world.Clock.GetCurrentInstant()).Date;
        var notices = await world.Get<HubState>().Notices.ListAsync(today, today, CancellationToken.None);
        var notice = Assert.Single(notices, n => n.Kind == "ReferenceDataRefused");
        Assert.Contains("line 2: bad quoting (RFC 4180): a quoted cell is never closed", notice.Message, StringComparison.Ordinal);
        Assert.Contains("The register in force is unchanged.", notice.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ashdown", notice.Message, StringComparison.Ordinal);
    }
}
