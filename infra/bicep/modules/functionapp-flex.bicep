// The function app on the Flex Consumption plan (FC1), the default. The worker runtime (dotnet-isolated, from
// runtime.bicep) is declared in functionAppConfig.runtime, not in app settings: Flex rejects
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION. Bicep does not validate runtime.name or version, so
// check that the region offers them (docs/DEPLOY.md, Prerequisites); EP1 is the fallback
// (functionapp-premium.bicep).

import { workerRuntime } from 'runtime.bicep'

@description('Azure region.')
param location string

@description('Name stem shared by the environment\'s resources.')
param baseName string

@description('App settings shared by both plans, built in main.bicep.')
param appSettings array

@description('The Offices__{n}__* settings main.bicep builds from its offices parameter (one list per office, so they cannot be literal).')
param officeSettings array

@description('Blob container URL the platform deploys the package from (identity-based).')
param deploymentContainerUrl string

@description('Upper bound on instances; bounds the cost of a runaway queue.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

param tags object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${baseName}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
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
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
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
        name: workerRuntime.name
        version: workerRuntime.version
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: concat(appSettings, officeSettings)
    }
  }
}

// No FTP publishing credentials: deployments go through az functionapp deploy with Entra ID.
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
