// The Continuity of Care hub on Azure: one storage account (tables, queues, blob containers, the deployment package
// container), a .NET isolated-worker Function App on the Flex Consumption plan, a system-assigned managed identity that
// is the only credential for storage and Key Vault, Key Vault for the hub's own secrets (referenced from app settings),
// Application Insights on a Log Analytics workspace, and the Event Grid system topic the inbox blob triggers listen on.
// How to deploy: infra/README.md.
// Invariants (tests/ContinuityOfCare.Infra.Tests compile, lint and read this file): every queue, container and table
// the code uses is declared; no storage key or connection string anywhere; no secret literal; HTTPS only; TLS 1.2
// minimum; no public blob access; the identity's role assignments.

targetScope = 'resourceGroup'

@description('Short lower-case prefix for resource names: 3–11 letters or digits, e.g. "cochub".')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region; defaults to the resource group\'s. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Storage redundancy.')
@allowed([ 'Standard_LRS', 'Standard_ZRS', 'Standard_GRS' ])
param storageSku string = 'Standard_LRS'

@description('domain.md "Consent and data minimisation": days raw input files are kept in processed/ and rejected/ before deletion.')
@minValue(1)
param rawFileRetentionDays int = 30

@description('Days Application Insights / Log Analytics keep telemetry.')
@minValue(30)
param logRetentionDays int = 90

@description('Most instances the Flex Consumption plan may scale the app out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance (MB).')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Id of the acknowledgement key new links are signed with (1–32 letters or digits).')
param ackCurrentKeyId string

@description('The current acknowledgement HMAC key: base64 of at least 32 random bytes (openssl rand -base64 32).')
@secure()
param ackCurrentKey string

@description('Id of the previous acknowledgement key, kept for verification during a rotation; empty for none.')
param ackPreviousKeyId string = ''

@description('The previous acknowledgement HMAC key (base64); empty for none.')
@secure()
param ackPreviousKey string = ''

@description('How long an acknowledgement link stays valid (TimeSpan, default 14 days).')
param ackValidity string = '14.00:00:00'

@description('Base64 HMAC key of the identifier index (State:IndexKey): at least 32 random bytes.')
@secure()
param stateIndexKey string

@description('Base64 key signing the operator console\'s session cookies and anti-forgery tokens (Console:SessionKey): at least 32 random bytes.')
@secure()
param consoleSessionKey string

@description('Application (client) id of the Entra ID app registration the operator console signs people in with (App Service authentication). Its app roles: hub.operator, team.member and org.<CODE>.')
param consoleEntraClientId string

@description('Entra ID tenant of that app registration; defaults to the subscription\'s.')
param consoleEntraTenantId string = subscription().tenantId

@description('SMTP relay host (secure mail, e.g. the CJSM relay).')
param smtpHost string

@description('SMTP port (STARTTLS).')
param smtpPort int = 587

@description('SMTP user name.')
param smtpUserName string

@description('SMTP password.')
@secure()
param smtpPassword string

@description('The hub\'s sender address.')
param smtpSenderAddress string

@description('architecture.md "Security rules": recipient domains allowed to receive personal data.')
param secureMailDomains array = [
  'cjsm.net'
  'nhs.net'
  'gov.uk'
]

var suffix = uniqueString(resourceGroup().id, namePrefix)

// The names the hub's code uses. Queues: one per stage (architecture.md "State").
var queueNames = [
  'ingest'
  'route'
  'send'
]

// Each stage queue's "<name>-poison" queue is declared too (the host would create it on the first message that fails
// maxDequeueCount times), so that monitoring and `coc replay-poison` find it before the first failure.
var poisonQueueNames = [for name in queueNames: '${name}-poison']

// Inboxes per input type, then processed/rejected/reports (Core Feeds/InboxContainers.cs).
var inboxContainerNames = [
  'court-lists'
  'court-results'
  'discharges'
  'clients'
  'directory'
  'calendar'
]

// Flex Consumption runs the app from the package zip deploy uploads here (functionAppConfig.deployment below).
var deploymentContainerNames = [
  'deployments'
]

var containerNames = concat(inboxContainerNames, deploymentContainerNames, [
  'processed'
  'rejected'
  'reports'
])

// State tables (FunctionApp State/TableNames.cs), the mail outbox's (Mail Outbox/OutboxOptions.cs) and the SPOC
// directory's (FunctionApp Directory/DirectoryImportOptions.cs). The app also creates them at start-up
// (State:CreateTablesAtStartup); declaring them here makes the deployment complete by itself.
var tableNames = [
  'clients'
  'clientindex'
  'ingestedfiles'
  'feedarrivals'
  'events'
  'obligations'
  'obligationsdue'
  'obligationsowner'
  'obligationsopen'
  'obligationsclosed'
  'tasks'
  'tasksopen'
  'possiblematches'
  'audit'
  'hubnotices'
  'todaycounts'
  'alertoutbox'
  'directoryflags'
  'alertsentbyday'
  'spocdirectory'
]

// Built-in role definition ids (Azure RBAC). Blob Data Owner, not Contributor: it is the role Microsoft documents for
// an identity-based AzureWebJobsStorage and for Flex Consumption's identity-authenticated deployment storage.
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

// ---------------------------------------------------------------- storage

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('${namePrefix}st${suffix}', 24)
  location: location
  sku: {
    name: storageSku
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Every client (the Functions host, the hub's SDK clients, the deployment, operators) authenticates with Entra ID;
    // an account key would be a second, unaudited way in.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in containerNames: {
  parent: blobService
  name: name
  properties: {
    publicAccess: 'None'
  }
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in concat(queueNames, poisonQueueNames): {
  parent: queueService
  name: name
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in tableNames: {
  parent: tableService
  name: name
}]

// domain.md "Consent and data minimisation": raw input files are deleted after the retention period.
resource retention 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-raw-input-files'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [ 'blockBlob' ]
              prefixMatch: [ 'processed/', 'rejected/' ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: rawFileRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Blob triggers on Flex Consumption are fed by Event Grid (the polling blob trigger is not supported there). The
// system topic is declared here; its subscriptions need the app's blobs_extension system key, which exists only once
// the code is deployed, so they are created after the first publish (infra/README.md "Event Grid for the inboxes").
resource storageEvents 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${namePrefix}-storage-events-${suffix}'
  location: location
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// ---------------------------------------------------------------- monitoring

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    // The hub logs ids, never names or identifiers (architecture.md "Security rules"); IP addresses are not kept either.
    DisableIpMasking: false
  }
}

// ---------------------------------------------------------------- secrets

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${namePrefix}kv${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure RBAC role assignments only (no access policies): the app reads with Key Vault Secrets User.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource ackCurrentSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'ack-key-${toLower(ackCurrentKeyId)}'
  properties: {
    value: ackCurrentKey
    contentType: 'base64 HMAC-SHA256 key'
  }
}

resource ackPreviousSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(ackPreviousKeyId)) {
  parent: vault
  name: 'ack-key-${toLower(empty(ackPreviousKeyId) ? 'none' : ackPreviousKeyId)}'
  properties: {
    value: ackPreviousKey
    contentType: 'base64 HMAC-SHA256 key'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
  }
}

resource stateIndexKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'state-index-key'
  properties: {
    value: stateIndexKey
    contentType: 'base64 HMAC-SHA256 key'
  }
}

resource consoleSessionKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'console-session-key'
  properties: {
    value: consoleSessionKey
    contentType: 'base64 HMAC-SHA256 key'
  }
}

// ---------------------------------------------------------------- function app

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux, the only OS Flex Consumption runs
  }
}

var keyVaultReference = '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/'

// Flex Consumption takes the worker runtime and its version from functionAppConfig.runtime and sets the Functions
// runtime version itself: FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE are
// deprecated there. WEBSITE_TIME_ZONE is not supported on Linux Consumption or Flex Consumption, so timers fire in
// UTC (infra/README.md "Schedules and time zones").
var coreSettings = [
  // Identity-based host and app storage: the system-assigned identity, no key. accountName is the form Microsoft
  // documents for Flex; the host honours the explicit service URIs over it, and they name each endpoint (tables
  // included) for the hub's own SDK clients, which cannot derive them from an account name.
  { name: 'AzureWebJobsStorage__accountName', value: storage.name }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'Acknowledgements__CurrentKeyId', value: ackCurrentKeyId }
  { name: 'Acknowledgements__Keys__${ackCurrentKeyId}', value: '${keyVaultReference}${ackCurrentSecret.name})' }
  { name: 'Acknowledgements__Validity', value: ackValidity }
  { name: 'State__IndexKey', value: '${keyVaultReference}${stateIndexKeySecret.name})' }
  { name: 'Mail__Smtp__Host', value: smtpHost }
  { name: 'Mail__Smtp__Port', value: string(smtpPort) }
  { name: 'Mail__Smtp__UserName', value: smtpUserName }
  { name: 'Mail__Smtp__Password', value: '${keyVaultReference}${smtpPasswordSecret.name})' }
  { name: 'Mail__Smtp__SenderAddress', value: smtpSenderAddress }
  { name: 'FeedAlarms__CourtListCutOff', value: '10:00' }
  { name: 'FeedAlarms__DischargeExportCutOff', value: '10:00' }
  { name: 'FeedAlarms__CalendarWarningDays', value: '90' }
  // The operator console (docs/console.md): people are signed in by App Service authentication (appAuth below), whose
  // principal header the console reads; its session cookies are signed with the vault's key, so a restart or a
  // second instance keeps everyone signed in.
  { name: 'Console__Authentication', value: 'AppService' }
  { name: 'Console__SessionKey', value: '${keyVaultReference}${consoleSessionKeySecret.name})' }
]

var previousKeySettings = empty(ackPreviousKeyId) ? [] : [
  { name: 'Acknowledgements__Keys__${ackPreviousKeyId}', value: '${keyVaultReference}ack-key-${toLower(ackPreviousKeyId)})' }
]

var domainSettings = [for (domain, i) in secureMailDomains: {
  name: 'Mail__SecureRecipients__AllowedDomains__${i}'
  value: domain
}]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-hub-${suffix}'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerNames[0]}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      appSettings: concat(coreSettings, previousKeySettings, domainSettings)
    }
  }
  dependsOn: [
    ackPreviousSecret
    containers
    queues
    tables
  ]
}

// App Service authentication (Easy Auth) with Entra ID for the operator console. Unauthenticated requests are let
// through (AllowAnonymous), not redirected: the acknowledgement link, the API's function keys and the blob/Event Grid
// webhooks must keep working without a person signing in. The console itself refuses anonymous users and sends them
// to /.auth/login/aad; App Service strips any X-MS-CLIENT-PRINCIPAL header a caller sends and sets its own. No client
// secret and no token store: the console needs only the signed-in user's app roles from the ID token.
resource appAuth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${consoleEntraTenantId}/v2.0'
          clientId: consoleEntraClientId
        }
        validation: {
          allowedAudiences: [
            consoleEntraClientId
            'api://${consoleEntraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

// ---------------------------------------------------------------- role assignments (managed identity)

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, app.id, roles.storageBlobDataOwner)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataOwner)
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, app.id, roles.storageQueueDataContributor)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, app.id, roles.storageTableDataContributor)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, app.id, roles.keyVaultSecretsUser)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// ---------------------------------------------------------------- outputs (no secrets)

output functionAppName string = app.name
output functionAppHostName string = app.properties.defaultHostName
output storageAccountName string = storage.name
output keyVaultName string = vault.name
output eventGridSystemTopicName string = storageEvents.name
output principalId string = app.identity.principalId
