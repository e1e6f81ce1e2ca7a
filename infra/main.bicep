// The Continuity of Care hub on Azure: one storage account (tables, queues, blob containers), a Linux Function App
// on the Consumption plan running the hub as a custom handler, a system-assigned managed identity, Key Vault for
// every secret (referenced from app settings), and Application Insights. How to deploy: infra/README.md.
// Invariants (tests/ContinuityOfCare.FunctionApp.Tests/Infra read this file): every queue, container and table the
// code uses is declared; no secret literal; HTTPS only; TLS 1.2 minimum; no public blob access; role assignments.

targetScope = 'resourceGroup'

@description('Short lower-case prefix for resource names: 3–11 letters or digits, e.g. "cochub".')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region; defaults to the resource group\'s.')
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

@description('URL of the deployment package blob (run from package); empty until the first upload (infra/README.md).')
param packageUri string = ''

var suffix = uniqueString(resourceGroup().id, namePrefix)

// The names the hub's code uses. Queues: one per stage (architecture.md "State"); each "<name>-poison" queue is
// created by the Functions host (and the local host) on the first message that fails maxDequeueCount times.
var queueNames = [
  'ingest'
  'route'
  'send'
  'deadline'
]

// Inboxes per input type, then processed/rejected/reports (Core Feeds/InboxContainers.cs), and the package container.
var inboxContainerNames = [
  'court-lists'
  'court-results'
  'discharges'
  'clients'
  'directory'
  'calendar'
]
var containerNames = concat(inboxContainerNames, [
  'processed'
  'rejected'
  'reports'
  'deployments'
])

// State tables (FunctionApp State/TableNames.cs) and the mail outbox's (Mail Outbox/OutboxOptions.cs). The app also
// creates them at start-up (State:CreateTablesAtStartup); declaring them here makes the deployment complete by itself.
var tableNames = [
  'clients'
  'clientindex'
  'ingestedfiles'
  'events'
  'obligations'
  'obligationsdue'
  'obligationsowner'
  'tasks'
  'possiblematches'
  'audit'
  'hubnotices'
  'alertoutbox'
  'operatornotices'
  'directoryflags'
]

// Built-in role definition ids (Azure RBAC).
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
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
    // The hub's storage client authenticates with the AzureWebJobsStorage connection string (a Key Vault reference
    // below), so Shared Key stays enabled; switch to identity-only (AzureWebJobsStorage__accountName) once the
    // client reads that form, then set this to false (infra/README.md "Hardening").
    allowSharedKeyAccess: true
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

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for name in queueNames: {
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

// Built from the account's own key at deployment time: the key never appears in a file or a parameter.
resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// ---------------------------------------------------------------- function app

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {
    reserved: true // Linux
  }
}

var keyVaultReference = '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/'

var coreSettings = [
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  // The hub is an ASP.NET Core app the Functions host calls over HTTP (architecture.md "Hosting").
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
  { name: 'AzureWebJobsStorage', value: '${keyVaultReference}storage-connection)' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  // No WEBSITE_TIME_ZONE: it is not supported on Linux Consumption. Timers fire in UTC and the hub evaluates its
  // Europe/London schedules and cut-offs itself (NodaTime TZDB; infra/README.md "Schedules and time zones").
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
]

var previousKeySettings = empty(ackPreviousKeyId) ? [] : [
  { name: 'Acknowledgements__Keys__${ackPreviousKeyId}', value: '${keyVaultReference}ack-key-${toLower(ackPreviousKeyId)})' }
]

var domainSettings = [for (domain, i) in secureMailDomains: {
  name: 'Mail__SecureRecipients__AllowedDomains__${i}'
  value: domain
}]

var packageSettings = empty(packageUri) ? [] : [
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: packageUri }
  // The package blob is private: the app reads it with its managed identity.
  { name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID', value: 'SystemAssigned' }
]

resource app 'Microsoft.Web/sites@2023-12-01' = {
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
    siteConfig: {
      linuxFxVersion: ''
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(coreSettings, previousKeySettings, domainSettings, packageSettings)
    }
  }
  dependsOn: [
    ackPreviousSecret
    storageConnectionSecret
    containers
    queues
    tables
  ]
}

// ---------------------------------------------------------------- role assignments (managed identity)

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, app.id, roles.storageBlobDataContributor)
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
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
output principalId string = app.identity.principalId
