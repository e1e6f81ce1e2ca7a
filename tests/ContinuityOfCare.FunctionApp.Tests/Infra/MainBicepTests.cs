using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContinuityOfCare.Core.Feeds;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Infra;

/// <summary>
/// architecture.md "State", "Security rules" and "Hosting": the invariants of infra/main.bicep that matter, checked by
/// reading its text (the Bicep CLI is not obtainable here).
/// </summary>
public sealed partial class MainBicepTests
{
    /// <summary>architecture.md "State": one queue per stage (issue 6); poison queues are created by the host.</summary>
    private static readonly string[] StageQueues = ["ingest", "route", "send", "deadline"];

    private static readonly string Bicep = InfraFiles.Bicep;

    [Fact]
    public void Queues_State_EveryStageQueueAndEveryFunctionJsonQueueIsDeclared()
    {
        var declared = InfraFiles.StringsOfVar(Bicep, "queueNames");
        var used = InfraFiles.FunctionBindings()
            .Select(b => Text(b, "queueName"))
            .OfType<string>()
            .Where(q => !q.Contains('%', StringComparison.Ordinal))
            .Select(q => q.EndsWith("-poison", StringComparison.Ordinal) ? q[..^"-poison".Length] : q);

        Assert.All(StageQueues.Concat(CodeQueueNames()).Concat(used), queue => Assert.Contains(queue, declared));
        Assert.Contains("[for name in queueNames:", Bicep, StringComparison.Ordinal);
        Assert.Contains("'Microsoft.Storage/storageAccounts/queueServices/queues@", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_State_EveryContainerTheCodeAndFunctionJsonUseIsDeclared()
    {
        var declared = InfraFiles.StringsOfVar(Bicep, "containerNames");
        var fromFunctionJson = InfraFiles.FunctionBindings()
            .Where(b => Text(b, "type") is { } type && type.StartsWith("blob", StringComparison.Ordinal))
            .Select(b => Text(b, "path"))
            .OfType<string>()
            .Select(path => path.Split('/')[0]);

        Assert.All(InboxContainers.All.Concat(fromFunctionJson), container => Assert.Contains(container, declared));
        Assert.Contains("[for name in containerNames:", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_State_EveryStateAndOutboxTableIsDeclared()
    {
        var declared = InfraFiles.StringsOfVar(Bicep, "tableNames");

        Assert.NotEmpty(CodeTableNames());
        Assert.All(CodeTableNames(), table => Assert.Contains(table, declared));
        Assert.Contains("[for name in tableNames:", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_SecurityRules_HttpsOnlyTls12AndNoPublicBlobAccess()
    {
        Assert.Matches(@"minimumTlsVersion:\s*'TLS1_2'", Bicep);
        Assert.Matches(@"supportsHttpsTrafficOnly:\s*true", Bicep);
        Assert.Matches(@"allowBlobPublicAccess:\s*false", Bicep);
        Assert.DoesNotMatch(@"allowBlobPublicAccess:\s*true", Bicep);
        Assert.DoesNotMatch(@"publicAccess:\s*'(Blob|Container)'", Bicep);
        Assert.Matches(@"publicAccess:\s*'None'", Bicep);
    }

    [Fact]
    public void FunctionApp_SecurityRules_HttpsOnlyTls12FtpsOff()
    {
        Assert.Matches(@"httpsOnly:\s*true", Bicep);
        Assert.DoesNotMatch(@"httpsOnly:\s*false", Bicep);
        Assert.Matches(@"\bminTlsVersion:\s*'1\.2'", Bicep);
        Assert.Matches(@"ftpsState:\s*'Disabled'", Bicep);
    }

    [Fact]
    public void FunctionApp_Hosting_LinuxConsumptionCustomHandlerWithoutWebsiteTimeZone()
    {
        Assert.Matches(@"kind:\s*'functionapp,linux'", Bicep);
        Assert.Matches(@"name:\s*'Y1'", Bicep);
        Assert.Matches(@"reserved:\s*true", Bicep);
        Assert.Matches(@"name:\s*'FUNCTIONS_WORKER_RUNTIME',\s*value:\s*'custom'", Bicep);
        Assert.Matches(@"name:\s*'FUNCTIONS_EXTENSION_VERSION',\s*value:\s*'~4'", Bicep);
        Assert.DoesNotMatch(@"name:\s*'WEBSITE_TIME_ZONE'", Bicep); // not supported on Linux Consumption
        Assert.Matches(@"name:\s*'APPLICATIONINSIGHTS_CONNECTION_STRING'", Bicep);
        Assert.Contains("'Microsoft.Insights/components@", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_SecurityRules_SystemAssignedWithDataAndSecretRoles()
    {
        Assert.Matches(@"identity:\s*\{\s*type:\s*'SystemAssigned'", Bicep);
        var roleAssignments = Regex.Matches(Bicep, @"'Microsoft\.Authorization/roleAssignments@[^']+'").Count;
        Assert.Equal(4, roleAssignments);
        Assert.Equal(4, Regex.Matches(Bicep, @"principalId:\s*app\.identity\.principalId").Count);
        foreach (var (role, id) in new[]
        {
            ("storageBlobDataContributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"),
            ("storageQueueDataContributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"),
            ("storageTableDataContributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"),
            ("keyVaultSecretsUser", "4633458b-17de-408a-b874-0445c86b69e6"),
        })
        {
            Assert.Matches($@"{role}:\s*'{id}'", Bicep);
            Assert.Contains($"roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.{role})", Bicep, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secrets_SecurityRules_SecretSettingsAreKeyVaultReferences()
    {
        Assert.Matches(@"var keyVaultReference = '@Microsoft\.KeyVault\(SecretUri=", Bicep);
        Assert.Matches(@"enableRbacAuthorization:\s*true", Bicep);
        foreach (var setting in new[] { "AzureWebJobsStorage", "Acknowledgements__Keys__${ackCurrentKeyId}", "State__IndexKey", "Mail__Smtp__Password" })
        {
            var line = Bicep.Split('\n').Single(l => l.Contains($"name: '{setting}'", StringComparison.Ordinal));
            Assert.Contains("value: '${keyVaultReference}", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secrets_SecurityRules_NoSecretLiteralInTheInfraFiles()
    {
        // Secure parameters have no default but the empty string.
        foreach (Match secure in SecureParameter().Matches(Bicep))
        {
            var defaultValue = secure.Groups["default"].Value;
            Assert.True(defaultValue is "" or "''", $"@secure() param {secure.Groups["name"].Value} has a default value");
        }

        Assert.True(SecureParameter().Matches(Bicep).Count >= 4, "the secrets are @secure() parameters");
        // A storage key only ever comes from listKeys() at deployment time.
        Assert.DoesNotMatch(@"AccountKey=(?!\$\{)", Bicep);
        foreach (var text in new[] { Bicep, InfraFiles.Parameters })
        {
            Assert.DoesNotMatch(KeyMaterial(), text);
            Assert.DoesNotMatch(@"(?i)-----BEGIN", text);
            Assert.DoesNotMatch(@"(?i)SharedAccessSignature|sig=", text);
        }

        using var parameters = JsonDocument.Parse(InfraFiles.Parameters);
        var names = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();
        foreach (Match secure in SecureParameter().Matches(Bicep))
        {
            Assert.DoesNotContain(secure.Groups["name"].Value, names);
        }
    }

    [Theory]
    [InlineData("'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='", true)]
    [InlineData("\"q7Zt0b9kLm3Xw4Yp8Rj2Hn6Vc1Fs5Ga0Ke9Ud3Wi7Ox=\"", true)]
    [InlineData("'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID'", false)]
    [InlineData("'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01'", false)]
    [InlineData("'shortKey123ABC='", false)]
    public void KeyMaterialPattern_SecurityRules_CatchesBase64KeysNotSettingNames(string text, bool isKey)
    {
        Assert.Equal(isKey, KeyMaterial().IsMatch(text));
    }

    [Fact]
    public void Parameters_Hosting_EveryParameterInTheFileIsDeclaredInTheTemplate()
    {
        using var parameters = JsonDocument.Parse(InfraFiles.Parameters);

        Assert.NotEmpty(parameters.RootElement.GetProperty("parameters").EnumerateObject());
        foreach (var parameter in parameters.RootElement.GetProperty("parameters").EnumerateObject())
        {
            Assert.Matches($@"(?m)^param {parameter.Name} ", Bicep);
        }
    }

    [Fact]
    public void StringsOfVar_State_ReadsTheListsAndFollowsReferences()
    {
        const string sample = "var aNames = [\n  'x'\n  'y'\n]\n\nvar bNames = concat(aNames, [\n  'z'\n])\n\nresource r 'T@1' = {}";

        Assert.Equal(["z", "x", "y"], InfraFiles.StringsOfVar(sample, "bNames"));
        Assert.Throws<InvalidOperationException>(() => InfraFiles.StringsOfVar(sample, "cNames"));
        Assert.Throws<InvalidOperationException>(() => InfraFiles.StringsOfVar("var loopNames = concat(loopNames, [])\n", "loopNames"));
        // A declaration ends at the next one even without a blank line between them.
        Assert.Equal(["a"], InfraFiles.StringsOfVar("var xNames = [\n  'a'\n]\nvar yNames = concat(xNames, [\n  'b'\n])\n", "xNames"));
    }

    /// <summary>The stage queues the code declares (FunctionApp Pipeline/PipelineQueues.All, by reflection so a rename there fails this test, not the build).</summary>
    private static IEnumerable<string> CodeQueueNames()
    {
        var type = typeof(ContinuityOfCare.FunctionApp.Storage.HubStorage).Assembly.GetType("ContinuityOfCare.FunctionApp.Pipeline.PipelineQueues")
            ?? throw new InvalidOperationException("ContinuityOfCare.FunctionApp.Pipeline.PipelineQueues not found: update this test to the queues' new home");
        return type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable<string>
            ?? throw new InvalidOperationException("PipelineQueues.All not found");
    }

    /// <summary>The tables the code declares: FunctionApp State/TableNames.All and the mail outbox's table options (read by reflection so a rename there fails this test, not the build).</summary>
    private static List<string> CodeTableNames()
    {
        var tables = new List<string>();
        var tableNames = typeof(ContinuityOfCare.FunctionApp.Storage.HubStorage).Assembly.GetType("ContinuityOfCare.FunctionApp.State.TableNames")
            ?? throw new InvalidOperationException("ContinuityOfCare.FunctionApp.State.TableNames not found: update this test to the tables' new home");
        var all = tableNames.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable<string>
            ?? throw new InvalidOperationException("TableNames.All not found");
        tables.AddRange(all);

        var outboxOptions = AppDomain.CurrentDomain.GetAssemblies()
            .Append(Assembly.Load("ContinuityOfCare.Mail"))
            .Select(a => a.GetType("ContinuityOfCare.Mail.Outbox.OutboxOptions"))
            .FirstOrDefault(t => t is not null)
            ?? throw new InvalidOperationException("ContinuityOfCare.Mail.Outbox.OutboxOptions not found");
        var defaults = Activator.CreateInstance(outboxOptions)!;
        tables.AddRange(outboxOptions.GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Table", StringComparison.Ordinal))
            .Select(p => (string)p.GetValue(defaults)!));
        Assert.True(tables.Count > 3, "found the code's table names");
        return tables;
    }

    private static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A quoted run of 40+ base64 characters mixing digits, lower and upper case: what a key looks like.</summary>
    [GeneratedRegex(@"['""](?=[^'""]*[0-9])(?=[^'""]*[a-z])(?=[^'""]*[A-Z])[A-Za-z0-9+/_-]{40,}={0,2}['""]")]
    private static partial Regex KeyMaterial();

    [GeneratedRegex(@"@secure\(\)\s*\r?\nparam (?<name>\w+) \w+(?:\s*=\s*(?<default>[^\r\n]*))?")]
    private static partial Regex SecureParameter();
}
