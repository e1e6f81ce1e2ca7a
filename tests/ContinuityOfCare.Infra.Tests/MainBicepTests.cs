using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ContinuityOfCare.Infra.Tests;

/// <summary>
/// architecture.md "State", "Security rules" and "Hosting": the invariants of infra/main.bicep that matter, checked on
/// the template the Bicep CLI compiles (structure) and on its source (names, settings and comments-free literals).
/// </summary>
public sealed partial class MainBicepTests
{
    private static readonly string Bicep = InfraFiles.Bicep;

    // ---------------------------------------------------------------- state

    [Fact]
    public void Queues_State_EveryStageQueueIsDeclaredWithItsPoisonQueue()
    {
        var declared = InfraFiles.StringsOfVar(Bicep, "queueNames");

        Assert.Equal(ExpectedStorageNames.StageQueues.Order(), declared.Order());
        Assert.Contains("var poisonQueueNames = [for name in queueNames: '${name}-poison']", Bicep, StringComparison.Ordinal);
        Assert.Contains("queues@2023-05-01' = [for name in concat(queueNames, poisonQueueNames):", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queues_State_TheCompiledTemplateCreatesEachQueueAndItsPoisonQueue()
    {
        var queues = await CompiledTemplate.ResourceAsync("Microsoft.Storage/storageAccounts/queueServices/queues");
        var template = await CompiledTemplate.JsonAsync();
        var poison = CompiledTemplate.Path(template, "variables", "copy").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "poisonQueueNames");

        Assert.Equal("[length(concat(variables('queueNames'), variables('poisonQueueNames')))]", CompiledTemplate.Path(queues, "copy", "count").GetString());
        Assert.Equal("[length(variables('queueNames'))]", poison.GetProperty("count").GetString());
        Assert.Equal("[format('{0}-poison', variables('queueNames')[copyIndex('poisonQueueNames')])]", poison.GetProperty("input").GetString());
    }

    [Fact]
    public void Containers_State_EveryInboxWorkAndDeploymentContainerIsDeclared()
    {
        var declared = InfraFiles.StringsOfVar(Bicep, "containerNames");
        var expected = ExpectedStorageNames.InboxContainers
            .Concat(ExpectedStorageNames.WorkContainers)
            .Append(ExpectedStorageNames.DeploymentContainer);

        Assert.Equal(expected.Order(), declared.Order());
        Assert.Equal(ExpectedStorageNames.InboxContainers.Order(), InfraFiles.StringsOfVar(Bicep, "inboxContainerNames").Order());
        Assert.Contains("[for name in containerNames:", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_State_EveryStateOutboxAndDirectoryTableIsDeclared()
    {
        var declared = InfraFiles.StringsOfVar(Bicep, "tableNames");

        Assert.Equal(ExpectedStorageNames.Tables.Order(), declared.Order());
        Assert.Contains("[for name in tableNames:", Bicep, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- storage security

    [Fact]
    public async Task Storage_SecurityRules_SharedKeyOffHttpsOnlyTls12AndNoPublicBlobAccess()
    {
        var account = await CompiledTemplate.ResourceAsync("Microsoft.Storage/storageAccounts");
        var properties = CompiledTemplate.Path(account, "properties");

        Assert.False(properties.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(properties.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        Assert.Equal("TLS1_2", properties.GetProperty("minimumTlsVersion").GetString());
        Assert.True(properties.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.False(properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        var containers = await CompiledTemplate.ResourceAsync("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal("None", CompiledTemplate.Path(containers, "properties", "publicAccess").GetString());
        Assert.DoesNotMatch(@"allowSharedKeyAccess:\s*true", Bicep);
        Assert.DoesNotMatch(@"publicAccess:\s*'(Blob|Container)'", Bicep);
    }

    [Fact]
    public async Task Storage_SecurityRules_NoAccountKeyOrStorageConnectionStringAnywhere()
    {
        var compiled = (await CompiledTemplate.JsonAsync()).GetRawText();

        foreach (var text in new[] { Bicep, compiled, InfraFiles.Parameters })
        {
            Assert.DoesNotContain("listKeys(", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DefaultEndpointsProtocol", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("storage-connection", text, StringComparison.OrdinalIgnoreCase);
        }

        // The only connection string in the settings is Application Insights'; storage is reached by identity.
        var connectionStringSettings = SettingNames().Where(n => n.Contains("CONNECTION", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["APPLICATIONINSIGHTS_CONNECTION_STRING"], connectionStringSettings);
        Assert.DoesNotContain("AzureWebJobsStorage", SettingNames());
    }

    [Fact]
    public void Storage_Hosting_AzureWebJobsStorageIsIdentityBased()
    {
        Assert.Contains("{ name: 'AzureWebJobsStorage__accountName', value: storage.name }", Bicep, StringComparison.Ordinal);
        Assert.Contains("{ name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }", Bicep, StringComparison.Ordinal);
        foreach (var service in new[] { "blob", "queue", "table" })
        {
            Assert.Contains(
                $"{{ name: 'AzureWebJobsStorage__{service}ServiceUri', value: storage.properties.primaryEndpoints.{service} }}",
                Bicep,
                StringComparison.Ordinal);
        }

        var storageSettings = SettingNames().Where(n => n.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal)).Order();
        Assert.Equal(
            ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri"],
            storageSettings);
    }

    // ---------------------------------------------------------------- hosting

    [Fact]
    public async Task Plan_Hosting_FlexConsumptionFc1OnLinux()
    {
        var plan = await CompiledTemplate.ResourceAsync("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", CompiledTemplate.Path(plan, "sku", "name").GetString());
        Assert.Equal("FlexConsumption", CompiledTemplate.Path(plan, "sku", "tier").GetString());
        Assert.True(CompiledTemplate.Path(plan, "properties", "reserved").GetBoolean());
    }

    [Fact]
    public async Task FunctionApp_Hosting_DotnetIsolated10OnFlexWithIdentityDeploymentStorage()
    {
        var site = await CompiledTemplate.ResourceAsync("Microsoft.Web/sites");
        var config = CompiledTemplate.Path(site, "properties", "functionAppConfig");

        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", CompiledTemplate.Path(config, "runtime", "name").GetString());
        Assert.Equal("10.0", CompiledTemplate.Path(config, "runtime", "version").GetString());
        Assert.Equal("blobContainer", CompiledTemplate.Path(config, "deployment", "storage", "type").GetString());
        Assert.Equal("SystemAssignedIdentity", CompiledTemplate.Path(config, "deployment", "storage", "authentication", "type").GetString());
        Assert.Contains("primaryEndpoints.blob, variables('deploymentContainerNames')[0])]", CompiledTemplate.Path(config, "deployment", "storage", "value").GetString(), StringComparison.Ordinal);
        Assert.Equal([ExpectedStorageNames.DeploymentContainer], InfraFiles.StringsOfVar(Bicep, "deploymentContainerNames"));
        Assert.Equal("[parameters('maximumInstanceCount')]", CompiledTemplate.Path(config, "scaleAndConcurrency", "maximumInstanceCount").GetString());
        Assert.Equal("[parameters('instanceMemoryMB')]", CompiledTemplate.Path(config, "scaleAndConcurrency", "instanceMemoryMB").GetString());
        var parameters = CompiledTemplate.Path(await CompiledTemplate.JsonAsync(), "parameters");
        Assert.Equal(2048, CompiledTemplate.Path(parameters, "instanceMemoryMB", "defaultValue").GetInt32());
        Assert.True(CompiledTemplate.Path(parameters, "maximumInstanceCount", "defaultValue").GetInt32() >= 1);
    }

    [Fact]
    public async Task FunctionApp_SecurityRules_HttpsOnlyAndTls12()
    {
        var site = await CompiledTemplate.ResourceAsync("Microsoft.Web/sites");

        Assert.True(CompiledTemplate.Path(site, "properties", "httpsOnly").GetBoolean());
        Assert.Equal("1.2", CompiledTemplate.Path(site, "properties", "siteConfig", "minTlsVersion").GetString());
        Assert.Equal("1.2", CompiledTemplate.Path(site, "properties", "siteConfig", "scmMinTlsVersion").GetString());
    }

    /// <summary>
    /// Microsoft's "Flex Consumption plan deprecations" (Functions app settings reference) and the time-zone note
    /// (WEBSITE_TIME_ZONE and TZ are not supported on Linux Consumption or Flex Consumption).
    /// </summary>
    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME_VERSION")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("FUNCTIONS_MAX_HTTP_CONCURRENCY")]
    [InlineData("FUNCTIONS_WORKER_PROCESS_COUNT")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT")]
    [InlineData("SCM_DO_BUILD_DURING_DEPLOYMENT")]
    [InlineData("ENABLE_ORYX_BUILD")]
    [InlineData("WEBSITE_TIME_ZONE")]
    [InlineData("TZ")]
    public async Task FunctionApp_Hosting_NoAppSettingFlexConsumptionDeprecates(string setting)
    {
        // The compiled template has no comments, so a comment explaining the absence does not count.
        var compiled = (await CompiledTemplate.JsonAsync()).GetRawText();

        Assert.DoesNotContain($"'{setting}'", compiled, StringComparison.Ordinal);
        Assert.DoesNotContain(setting, SettingNames());
    }

    [Theory]
    [InlineData("linuxFxVersion")]
    [InlineData("netFrameworkVersion")]
    [InlineData("ftpsState")]
    [InlineData("alwaysOn")]
    [InlineData("use32BitWorkerProcess")]
    [InlineData("functionAppScaleLimit")]
    [InlineData("preWarmedInstanceCount")]
    [InlineData("containerSize")]
    public async Task FunctionApp_Hosting_NoSitePropertyFlexConsumptionDeprecates(string property)
    {
        var site = (await CompiledTemplate.ResourceAsync("Microsoft.Web/sites")).GetRawText();

        Assert.DoesNotContain($"\"{property}\"", site, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Hosting_TheSettingsTheAppReadsAreKept()
    {
        var names = SettingNames();

        Assert.All(
            new[]
            {
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "Acknowledgements__CurrentKeyId", "Acknowledgements__Keys__${ackCurrentKeyId}",
                "Acknowledgements__Validity", "State__IndexKey", "Mail__Smtp__Host", "Mail__Smtp__Port", "Mail__Smtp__UserName",
                "Mail__Smtp__Password", "Mail__Smtp__SenderAddress", "FeedAlarms__CourtListCutOff",
                "FeedAlarms__DischargeExportCutOff", "FeedAlarms__CalendarWarningDays",
                "Mail__SecureRecipients__AllowedDomains__${i}", "Acknowledgements__Keys__${ackPreviousKeyId}",
                "Console__Authentication", "Console__SessionKey",
            },
            setting => Assert.Contains(setting, names));
        Assert.Contains("appSettings: concat(coreSettings, previousKeySettings, domainSettings)", Bicep, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- identity and secrets

    [Fact]
    public async Task Identity_SecurityRules_SystemAssignedWithTheFourDataAndSecretRoles()
    {
        var site = await CompiledTemplate.ResourceAsync("Microsoft.Web/sites");
        var assignments = await CompiledTemplate.ResourcesAsync("Microsoft.Authorization/roleAssignments");
        var roles = CompiledTemplate.Path(await CompiledTemplate.JsonAsync(), "variables", "roles");
        var expected = new Dictionary<string, (string Guid, string Scope)>
        {
            ["Storage Blob Data Owner"] = ("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts"),
            ["Storage Queue Data Contributor"] = ("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts"),
            ["Storage Table Data Contributor"] = ("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts"),
            ["Key Vault Secrets User"] = ("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults"),
        };

        Assert.Equal("SystemAssigned", CompiledTemplate.Path(site, "identity", "type").GetString());
        var granted = assignments.Select(a =>
        {
            var definition = CompiledTemplate.Path(a, "properties", "roleDefinitionId").GetString()!;
            var key = RoleKey().Match(definition);
            Assert.True(key.Success, $"role definition not taken from the roles table: {definition}");
            Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", definition, StringComparison.Ordinal);
            Assert.Contains("Microsoft.Web/sites", CompiledTemplate.Path(a, "properties", "principalId").GetString(), StringComparison.Ordinal);
            Assert.EndsWith(".identity.principalId]", CompiledTemplate.Path(a, "properties", "principalId").GetString(), StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", CompiledTemplate.Path(a, "properties", "principalType").GetString());
            return (Guid: roles.GetProperty(key.Groups[1].Value).GetString()!, Scope: a.GetProperty("scope").GetString()!);
        }).ToList();

        Assert.Equal(expected.Count, granted.Count);
        foreach (var (role, (guid, scope)) in expected)
        {
            var assignment = granted.Where(g => g.Guid == guid).ToList();
            Assert.True(assignment.Count == 1, $"{role} ({guid}) is assigned {assignment.Count} times");
            Assert.Contains(scope, assignment[0].Scope, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task KeyVault_SecurityRules_RbacAuthorisationAndOnlyTheHubsOwnSecrets()
    {
        var vault = await CompiledTemplate.ResourceAsync("Microsoft.KeyVault/vaults");
        var secrets = await CompiledTemplate.ResourcesAsync("Microsoft.KeyVault/vaults/secrets");

        Assert.True(CompiledTemplate.Path(vault, "properties", "enableRbacAuthorization").GetBoolean());
        Assert.False(CompiledTemplate.Path(vault, "properties").TryGetProperty("accessPolicies", out _));
        Assert.True(CompiledTemplate.Path(vault, "properties", "enablePurgeProtection").GetBoolean());
        // Current and previous acknowledgement keys, the SMTP password, the index key and the console's session key;
        // no storage secret.
        Assert.Equal(5, secrets.Count);
        foreach (var name in new[] { "'ack-key-{0}'", "'smtp-password'", "'state-index-key'", "'console-session-key'" })
        {
            Assert.Contains(secrets, s => s.GetProperty("name").GetString()!.Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Secrets_SecurityRules_SecretSettingsAreKeyVaultReferences()
    {
        Assert.Matches(@"var keyVaultReference = '@Microsoft\.KeyVault\(SecretUri=\$\{vault\.properties\.vaultUri\}secrets/'", Bicep);
        Assert.Contains("keyVaultReferenceIdentity: 'SystemAssigned'", Bicep, StringComparison.Ordinal);
        foreach (var setting in new[] { "Acknowledgements__Keys__${ackCurrentKeyId}", "Acknowledgements__Keys__${ackPreviousKeyId}", "State__IndexKey", "Mail__Smtp__Password", "Console__SessionKey" })
        {
            var line = Bicep.Split('\n').Single(l => l.Contains($"name: '{setting}'", StringComparison.Ordinal));
            Assert.Contains("value: '${keyVaultReference}", line, StringComparison.Ordinal);
        }
    }

    // ---------------------------------------------------------------- the operator console's sign-in

    [Fact]
    public async Task Console_SecurityRules_AppServiceAuthenticationWithEntraIdLetsAnonymousRequestsThrough()
    {
        var auth = await CompiledTemplate.ResourceAsync("Microsoft.Web/sites/config");
        var properties = CompiledTemplate.Path(auth, "properties");
        var aad = CompiledTemplate.Path(properties, "identityProviders", "azureActiveDirectory");

        Assert.Contains("'authsettingsV2'", auth.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.Web/sites", string.Join(' ', auth.GetProperty("dependsOn").EnumerateArray().Select(d => d.GetString())), StringComparison.Ordinal);
        Assert.True(CompiledTemplate.Path(properties, "platform", "enabled").GetBoolean());
        // The acknowledgement link, the API's function keys and the webhooks must work without a person signing in;
        // the console refuses anonymous users itself.
        Assert.False(CompiledTemplate.Path(properties, "globalValidation", "requireAuthentication").GetBoolean());
        Assert.Equal("AllowAnonymous", CompiledTemplate.Path(properties, "globalValidation", "unauthenticatedClientAction").GetString());
        Assert.True(CompiledTemplate.Path(properties, "httpSettings", "requireHttps").GetBoolean());
        Assert.False(CompiledTemplate.Path(properties, "login", "tokenStore", "enabled").GetBoolean());
        Assert.True(aad.GetProperty("enabled").GetBoolean());
        Assert.Equal("[parameters('consoleEntraClientId')]", CompiledTemplate.Path(aad, "registration", "clientId").GetString());
        Assert.Contains("parameters('consoleEntraTenantId')", CompiledTemplate.Path(aad, "registration", "openIdIssuer").GetString(), StringComparison.Ordinal);
        Assert.Contains("/v2.0", CompiledTemplate.Path(aad, "registration", "openIdIssuer").GetString(), StringComparison.Ordinal);
        Assert.False(CompiledTemplate.Path(aad, "registration").TryGetProperty("clientSecretSettingName", out _));
    }

    [Fact]
    public void Console_Hosting_SignsInThroughAppServiceWithTheSessionKeyFromTheVault()
    {
        Assert.Contains("{ name: 'Console__Authentication', value: 'AppService' }", Bicep, StringComparison.Ordinal);
        Assert.Contains("{ name: 'Console__SessionKey', value: '${keyVaultReference}${consoleSessionKeySecret.name})' }", Bicep, StringComparison.Ordinal);
        Assert.Matches(@"@secure\(\)\s*param consoleSessionKey string\s", Bicep);
        using var parameters = JsonDocument.Parse(InfraFiles.Parameters);
        Assert.True(parameters.RootElement.GetProperty("parameters").TryGetProperty("consoleEntraClientId", out _), "main.parameters.json names the app registration");
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
    [InlineData("'AzureWebJobsStorage__queueServiceUri'", false)]
    [InlineData("'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01'", false)]
    [InlineData("'shortKey123ABC='", false)]
    public void KeyMaterialPattern_SecurityRules_CatchesBase64KeysNotSettingNames(string text, bool isKey)
    {
        Assert.Equal(isKey, KeyMaterial().IsMatch(text));
    }

    // ---------------------------------------------------------------- monitoring and events

    [Fact]
    public async Task Monitoring_Hosting_ApplicationInsightsOnTheLogAnalyticsWorkspace()
    {
        var insights = await CompiledTemplate.ResourceAsync("Microsoft.Insights/components");
        await CompiledTemplate.ResourceAsync("Microsoft.OperationalInsights/workspaces");

        Assert.StartsWith("[resourceId('Microsoft.OperationalInsights/workspaces', ", CompiledTemplate.Path(insights, "properties", "WorkspaceResourceId").GetString(), StringComparison.Ordinal);
        Assert.Contains("{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }", Bicep, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobTriggers_Hosting_AnEventGridSystemTopicOnTheStorageAccount()
    {
        var topic = await CompiledTemplate.ResourceAsync("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", CompiledTemplate.Path(topic, "properties", "topicType").GetString());
        Assert.StartsWith("[resourceId('Microsoft.Storage/storageAccounts', ", CompiledTemplate.Path(topic, "properties", "source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BlobTriggers_Hosting_TheReadmeSubscribesEveryInboxToTheBlobsExtensionWebhook()
    {
        var readme = File.ReadAllText(Path.Combine(InfraFiles.InfraFolder, "README.md"));

        Assert.Contains("blobs_extension", readme, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs", readme, StringComparison.Ordinal);
        Assert.Contains("az eventgrid system-topic event-subscription create", readme, StringComparison.Ordinal);
        Assert.All(ExpectedStorageNames.InboxContainers, container => Assert.Contains($"`{container}`", readme, StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- parameters

    [Fact]
    public void Parameters_Hosting_TheFileDeclaresOnlyTemplateParametersAndEveryRequiredPlainOne()
    {
        using var parameters = JsonDocument.Parse(InfraFiles.Parameters);
        var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        Assert.NotEmpty(given);
        Assert.All(given, name => Assert.Matches($@"(?m)^param {name} ", Bicep));
        var secure = SecureParameter().Matches(Bicep).Select(m => m.Groups["name"].Value).ToHashSet();
        var required = RequiredParameter().Matches(Bicep).Select(m => m.Groups["name"].Value).Where(n => !secure.Contains(n)).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, given));
    }

    /// <summary>The app setting names the template writes (<c>name: '…'</c> inside the settings vars).</summary>
    private static List<string> SettingNames() => SettingName().Matches(Bicep).Select(m => m.Groups[1].Value).ToList();

    /// <summary>A quoted run of 40+ base64 characters mixing digits, lower and upper case: what a key looks like.</summary>
    [GeneratedRegex(@"['""](?=[^'""]*[0-9])(?=[^'""]*[a-z])(?=[^'""]*[A-Z])[A-Za-z0-9+/_-]{40,}={0,2}['""]")]
    private static partial Regex KeyMaterial();

    [GeneratedRegex(@"@secure\(\)\s*\r?\nparam (?<name>\w+) \w+(?:\s*=\s*(?<default>[^\r\n]*))?")]
    private static partial Regex SecureParameter();

    [GeneratedRegex(@"(?m)^param (?<name>\w+) \w+\s*$")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex(@"name: '([^']+)',?\s*value:")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)\)\]$")]
    private static partial Regex RoleKey();
}
