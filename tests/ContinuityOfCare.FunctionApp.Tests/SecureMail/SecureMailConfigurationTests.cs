using System.Globalization;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.FunctionApp.Tests.Api;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.SecureMail;

/// <summary>
/// architecture.md "Security rules": one secure-mail allow-list, one configuration section
/// (<c>Mail:SecureRecipients:AllowedDomains</c>). A domain removed from it is refused by routing (the form is held),
/// by sending (the outbox holds it) and by SPOC directory validation (the import is rejected).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SecureMailConfigurationTests(AzuriteFixture azurite)
{
    /// <summary>The default list without gov.uk: prison SMT mailboxes (justice.gov.uk) are no longer secure.</summary>
    private static Dictionary<string, string?> WithoutGovUk(int smtpPort) => new()
    {
        ["Mail:SecureRecipients:AllowedDomains:0"] = "cjsm.net",
        ["Mail:SecureRecipients:AllowedDomains:1"] = "nhs.net",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:Smtp:RequireStartTls"] = "false",
        ["Mail:Smtp:SenderAddress"] = "hub@hub.cjsm.net",
        ["Mail:Outbox:AlertsTable"] = "alerts" + Guid.NewGuid().ToString("N")[..10],
        ["Mail:Outbox:DirectoryFlagsTable"] = "flags" + Guid.NewGuid().ToString("N")[..10],
    };

    [Fact]
    public async Task SecurityRules_ADomainRemovedFromConfiguration_IsRefusedByRoutingSendingAndDirectoryValidation()
    {
        await using var smtp = new FakeSmtpGreeter();
        await using var host = await ApiTestHost.StartAsync(azurite, WithoutGovUk(smtp.Port));
        var services = host.Services;
        const string prisonMailbox = "smt.lei@justice.gov.uk";

        // Directory validation: a refresh naming a gov.uk mailbox is rejected.
        var import = await services.GetRequiredService<DirectoryImporter>().ImportAsync("spoc.csv", DirectoryFiles.Valid, force: false, CancellationToken.None);
        Assert.Equal(DirectoryImportOutcome.Rejected, import.Status);
        Assert.Contains(import.Problems, p => p.Reason.Contains("domain justice.gov.uk is outside the secure-mail allow-list (cjsm.net, nhs.net)", StringComparison.Ordinal));

        // Routing: the pipeline's planning options hold the form for the prison SMT.
        var planOptions = services.GetRequiredService<PlanOptions>();
        var directory = new SpocDirectory(1,
        [
            new DirectoryEntry("CJIT-LDS", OrgType.Cjit, "Leeds CJIT", null, "spoc@leeds.cjsm.net", "0113 000 0001", null,
                "manager@leeds.cjsm.net", ["LS1"], [], [], new LocalDate(2026, 1, 1)),
            new DirectoryEntry("LEI", OrgType.PrisonSmt, "HMP Leeds SMT", null, prisonMailbox, "0113 000 0002", null,
                "duty.lei@justice.gov.uk", [], [], [], new LocalDate(2026, 1, 1)),
        ]);
        var client = new Client("C-1", "Smith", "John", new LocalDate(1980, 1, 1), null, null, null, null, "LS1 1AA", "CJIT-LDS", null, null,
            new Consent(true, new HashSet<OrgType> { OrgType.Cjit, OrgType.PrisonSmt }, new LocalDate(2026, 1, 5)), null, false);
        var now = ApiTestHost.Now;
        var remand = new CareEvent(ApiTestHost.NewId("E"), EventKind.RemandedOrSentencedToPrison, client.Id, new SourceRef("results.csv", 2),
            now, "000 Part 1", PrisonCode: "LEI");
        var planned = new AlertRouter(new DirectoryRoutes(directory), planOptions.SecureMail, now)
            .Route(remand, client, new Dictionary<string, AlertRequest>()).Alerts;
        var toPrison = Assert.Single(planned, a => a.Form.To.OrgCode == "LEI");
        Assert.Equal(AlertStatus.Held, toPrison.Status);
        Assert.Equal(AlertStatus.Ready, Assert.Single(planned, a => a.Form.To.OrgCode == "CJIT-LDS").Status);

        // Sending: the outbox holds a form to that mailbox and sends nothing.
        var outbox = services.GetRequiredService<AlertOutbox>();
        await outbox.EnqueueAsync(toPrison.Form, CancellationToken.None);
        Assert.Equal(DispatchResult.Held, await outbox.SendAsync(toPrison.Form.Id, CancellationToken.None));
        Assert.Equal(AlertStatus.Held, (await outbox.GetAsync(toPrison.Form.Id, CancellationToken.None))!.Status);

        // One policy behind all three.
        Assert.Same(services.GetRequiredService<SecureMailPolicy>(), planOptions.SecureMail);
        Assert.Equal(["cjsm.net", "nhs.net"], planOptions.SecureMail.Domains);
    }

    /// <summary>The former directory-only list is refused rather than silently ignored: a removal there must not look done.</summary>
    [Fact]
    public void SecurityRules_TheFormerDirectoryImportListIsRefused()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DirectoryImport:SecureMailDomains:0"] = "cjsm.net" }).Build());
        services.AddDirectoryImport();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DirectoryImportOptions>>().Value);

        Assert.Contains("Mail:SecureRecipients:AllowedDomains", error.Message, StringComparison.Ordinal);
    }
}
