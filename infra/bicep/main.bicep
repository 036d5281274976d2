// Deploys one environment of the Ombudsman case workflow into a resource group: storage for the Durable Functions
// task hub, the read models and evidence, monitoring, Key Vault, the function app (.NET isolated worker) and its
// role assignments.
// How to deploy and publish: docs/DEPLOY.md.

import { storageNames, durableTaskHubName } from 'modules/names.bicep'

@description('Short environment name, part of every resource name (e.g. prod, test, prod-sby).')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('FC1 = Flex Consumption (default); EP1 = Elastic Premium, the fallback where FC1 or its dotnet-isolated runtime is not offered.')
@allowed([
  'FC1'
  'EP1'
])
param hostingPlan string = 'FC1'

@description('Storage replication; prefer Standard_ZRS or Standard_GZRS for production where the region offers it.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days a deleted blob or container can be restored.')
param blobSoftDeleteDays int = 30

@description('Days evidence and provider documents stay write-once after upload (set to the records retention schedule).')
param evidenceImmutabilityDays int = 3650

@description('Browser origins allowed to upload evidence directly to Blob Storage with a SAS URL.')
param corsAllowedOrigins array = []

@description('Days Log Analytics keeps logs.')
param logRetentionDays int = 90

@description('Sender address of notification emails (a verified SendGrid sender).')
param sendGridFromAddress string

@description('SendGrid API key. Leave empty and set the Key Vault secret with az keyvault secret set (docs/DEPLOY.md) to keep it out of deployment history.')
@secure()
param sendGridApiKey string = ''

@description('Public page where a complainant tracks a case; emails link to it with the case id appended (absolute https URL).')
param trackingBaseUrl string

@description('Public page where a complainant uploads evidence; emails link to it with the case id appended (absolute https URL).')
param uploadBaseUrl string

@description('The regional offices complaints are filed with: id (the office code cases carry), name, timeZone (WIB, WITA or WIT), staffEmail (receives the daily digest and escalations), dashboardLink (absolute https URL), language (id or en, staff emails; id by default). Written as the app\'s Offices settings; the app checks them at start-up.')
@minLength(1)
param offices office[]

@description('FC1: upper bound on instances.')
param flexMaximumInstanceCount int = 40

@description('FC1: memory per instance in MB.')
param flexInstanceMemoryMB int = 2048

@description('EP1: upper bound on instances.')
param premiumMaximumWorkerCount int = 10

@description('Public intake (filing, uploads): requests one client IP may make per window on ONE instance (RateLimiting:PublicIntake:PermitLimit). The limiter is per instance, so the effective limit is this times the instance cap (flexMaximumInstanceCount or premiumMaximumWorkerCount); see the publicIntakeLimit output and docs/DEPLOY.md.')
@minValue(1)
param publicIntakePermitLimit int = 30

@description('Public intake: length of the rate-limit window in seconds (RateLimiting:PublicIntake:WindowSeconds).')
@minValue(1)
param publicIntakeWindowSeconds int = 60

@description('Tags on every resource.')
param tags object = {}

// One regional office as the app reads it (Offices:{n}:Id, Name, TimeZone, StaffEmail, DashboardLink, Language).
type office = {
  id: string
  name: string
  timeZone: ('WIB' | 'WITA' | 'WIT')
  staffEmail: string
  dashboardLink: string
  language: ('id' | 'en')?
}

var isFlex = hostingPlan == 'FC1'
// The most instances the app runs at once on the chosen plan: what makes the per-instance rate limits add up to a known total.
var maximumInstances = isFlex ? flexMaximumInstanceCount : premiumMaximumWorkerCount
var baseName = 'ombudsman-${environmentName}'
// Storage account and Key Vault names are global and short: a hash of resource group + environment keeps them unique.
var suffix = uniqueString(resourceGroup().id, environmentName)
var storageAccountName = 'stomb${suffix}'
var keyVaultName = 'kv-omb-${take(suffix, 13)}'
var sendGridSecretName = 'SendGridApiKey'
var packageBlobName = 'ombudsman-functions.zip'
var allTags = union(tags, {
  system: 'ombudsman-case-workflow'
  environment: environmentName
})

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    skuName: storageSku
    softDeleteRetentionDays: blobSoftDeleteDays
    immutabilityPeriodDays: evidenceImmutabilityDays
    corsAllowedOrigins: corsAllowedOrigins
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    baseName: baseName
    retentionInDays: logRetentionDays
    tags: allTags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: keyVaultName
    sendGridSecretName: sendGridSecretName
    sendGridApiKey: sendGridApiKey
    softDeleteRetentionDays: 90
    tags: allTags
  }
}

// Settings both plans share. Connections are identity-based (no keys): the Functions host and the Durable
// Functions task hub use AzureWebJobsStorage__*, the app's own storage clients use Storage__*.
var appSettings = [
  {
    name: 'AzureWebJobsStorage__accountName'
    value: storage.outputs.accountName
  }
  {
    // The app's system-assigned identity (a user-assigned one would also need __clientId).
    name: 'AzureWebJobsStorage__credential'
    value: 'managedidentity'
  }
  {
    // host.json reads it: extensions.durableTask.hubName is "%DurableTaskHubName%".
    name: 'DurableTaskHubName'
    value: durableTaskHubName
  }
  {
    // The app's home page function answers "/"; should it ever not (functions not indexed), the host answers 204
    // instead of its own "Your Functions app is up and running" page.
    name: 'AzureWebJobsDisableHomepage'
    value: 'true'
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: monitoring.outputs.appInsightsConnectionString
  }
  {
    name: 'Storage__blobServiceUri'
    value: storage.outputs.blobEndpoint
  }
  {
    name: 'Storage__queueServiceUri'
    value: storage.outputs.queueEndpoint
  }
  {
    name: 'Storage__tableServiceUri'
    value: storage.outputs.tableEndpoint
  }
  {
    name: 'StorageNames__EvidenceContainer'
    value: storageNames.containers.evidence
  }
  {
    name: 'StorageNames__ProviderDocumentsContainer'
    value: storageNames.containers.providerDocuments
  }
  {
    // Complainant tracking tokens and provider capability links (hashes only).
    name: 'StorageNames__AccessTokensTable'
    value: storageNames.tables.accessTokens
  }
  {
    // What staff disclosed to each case's provider.
    name: 'StorageNames__DisclosuresTable'
    value: storageNames.tables.disclosures
  }
  {
    // Who handles each case of an office, and every change of it.
    name: 'StorageNames__AssignmentsTable'
    value: storageNames.tables.assignments
  }
  {
    // Each office's staff as they last signed in to the console: whom a case can be assigned to.
    name: 'StorageNames__StaffDirectoryTable'
    value: storageNames.tables.staffDirectory
  }
  {
    // What each case's provider has handed in, counted against the Provider:Max* bounds.
    name: 'StorageNames__ProviderAllowanceTable'
    value: storageNames.tables.providerAllowance
  }
  {
    name: 'StorageNames__CasesTable'
    value: storageNames.tables.cases
  }
  {
    name: 'StorageNames__TimelineTable'
    value: storageNames.tables.timeline
  }
  {
    name: 'StorageNames__OpenDeadlinesTable'
    value: storageNames.tables.openDeadlines
  }
  {
    name: 'StorageNames__IdempotencyKeysTable'
    value: storageNames.tables.idempotencyKeys
  }
  {
    // Published holiday calendar versions; deadlines are counted with the latest of each year.
    name: 'StorageNames__CalendarsTable'
    value: storageNames.tables.calendars
  }
  {
    name: 'RateLimiting__PublicIntake__PermitLimit'
    value: string(publicIntakePermitLimit)
  }
  {
    name: 'RateLimiting__PublicIntake__WindowSeconds'
    value: string(publicIntakeWindowSeconds)
  }
  {
    // Resolved by the platform with the app's identity (Key Vault Secrets User); the key never appears here.
    name: 'Email__SendGridApiKey'
    value: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.sendGridSecretUri})'
  }
  {
    name: 'Email__FromAddress'
    value: sendGridFromAddress
  }
  {
    name: 'Email__TrackingBaseUrl'
    value: trackingBaseUrl
  }
  {
    name: 'Email__UploadBaseUrl'
    value: uploadBaseUrl
  }
  {
    // Exactly-once email: every instance checks and writes the same send records.
    name: 'Email__SendRecordsTable'
    value: storageNames.tables.emailSendRecords
  }
]

// Offices__{n}__Id, __Name, __TimeZone, __StaffEmail, __DashboardLink, __Language: the "Offices" section the app
// reads for filing and email alike.
var officeSettings = flatten(map(range(0, length(offices)), i => [
  {
    name: 'Offices__${i}__Id'
    value: offices[i].id
  }
  {
    name: 'Offices__${i}__Name'
    value: offices[i].name
  }
  {
    name: 'Offices__${i}__TimeZone'
    value: offices[i].timeZone
  }
  {
    name: 'Offices__${i}__StaffEmail'
    value: offices[i].staffEmail
  }
  {
    name: 'Offices__${i}__DashboardLink'
    value: offices[i].dashboardLink
  }
  {
    name: 'Offices__${i}__Language'
    value: offices[i].?language ?? 'id'
  }
]))

module flexApp 'modules/functionapp-flex.bicep' = if (isFlex) {
  name: 'functionapp-flex'
  params: {
    location: location
    baseName: baseName
    appSettings: appSettings
    officeSettings: officeSettings
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    maximumInstanceCount: flexMaximumInstanceCount
    instanceMemoryMB: flexInstanceMemoryMB
    tags: allTags
  }
}

module premiumApp 'modules/functionapp-premium.bicep' = if (!isFlex) {
  name: 'functionapp-premium'
  params: {
    location: location
    baseName: baseName
    appSettings: appSettings
    officeSettings: officeSettings
    packageUrl: '${storage.outputs.deploymentContainerUrl}/${packageBlobName}'
    maximumElasticWorkerCount: premiumMaximumWorkerCount
    tags: allTags
  }
}

var functionAppPrincipalId = isFlex ? flexApp!.outputs.principalId : premiumApp!.outputs.principalId

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: functionAppPrincipalId
    storageAccountName: storage.outputs.accountName
    keyVaultName: keyVault.outputs.vaultName
  }
}

output functionAppName string = isFlex ? flexApp!.outputs.name : premiumApp!.outputs.name
output functionAppHostName string = isFlex ? flexApp!.outputs.defaultHostName : premiumApp!.outputs.defaultHostName
output storageAccountName string = storage.outputs.accountName
output keyVaultName string = keyVault.outputs.vaultName
output sendGridSecretName string = sendGridSecretName
output deploymentContainerUrl string = storage.outputs.deploymentContainerUrl
output packageBlobName string = packageBlobName
output appInsightsName string = monitoring.outputs.appInsightsName
// Public intake is limited per instance (in memory); across instances a client gets at most this many requests a window.
output publicIntakeLimit object = {
  permitLimitPerInstance: publicIntakePermitLimit
  windowSeconds: publicIntakeWindowSeconds
  maximumInstances: maximumInstances
  effectivePermitLimit: publicIntakePermitLimit * maximumInstances
}
