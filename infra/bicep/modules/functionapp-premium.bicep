// The function app on Elastic Premium (EP1): the fallback where the Flex Consumption plan, or its dotnet-isolated
// runtime at our .NET version, is not offered in a region. Here the worker runtime (runtime.bicep) is chosen by
// app settings and the Linux stack by linuxFxVersion.
// EP1 normally keeps the app's files on an Azure Files share, and Azure Files takes only an account key;
// instead the app runs from a zip package in the deployments container, fetched with the app's
// system-assigned identity (WEBSITE_RUN_FROM_PACKAGE with a blob URL), so the storage account keeps shared
// keys off on this plan too and no WEBSITE_CONTENTAZUREFILECONNECTIONSTRING / WEBSITE_CONTENTSHARE is set.

import { workerRuntime } from 'runtime.bicep'

@description('Azure region.')
param location string

@description('Name stem shared by the environment\'s resources.')
param baseName string

@description('App settings shared by both plans, built in main.bicep.')
param appSettings array

@description('The Offices__{n}__* settings main.bicep builds from its offices parameter (one list per office, so they cannot be literal).')
param officeSettings array

@description('Blob URL of the zip package the app runs from; docs/DEPLOY.md uploads it there.')
param packageUrl string

@description('Upper bound on instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param maximumElasticWorkerCount int

param tags object

var premiumOnlySettings = [
  {
    name: 'FUNCTIONS_EXTENSION_VERSION'
    value: '~4'
  }
  {
    name: 'FUNCTIONS_WORKER_RUNTIME'
    value: workerRuntime.name
  }
  {
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: packageUrl
  }
  {
    // 'SystemAssigned' is the documented value for the app's own identity (the same as leaving it out).
    name: 'WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID'
    value: 'SystemAssigned'
  }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}'
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    name: 'EP1'
    tier: 'ElasticPremium'
  }
  properties: {
    reserved: true
    maximumElasticWorkerCount: maximumElasticWorkerCount
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${baseName}'
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    siteConfig: {
      linuxFxVersion: workerRuntime.linuxFxVersion
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(appSettings, officeSettings, premiumOnlySettings)
    }
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
