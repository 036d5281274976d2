// One StorageV2 account for the Functions host, the Durable Functions task hub and the app: tables (access tokens
// and the read models), blob containers (evidence, provider documents, and the deployment package).
// The task hub's queues, tables and containers are not declared here: the Durable Functions extension creates them
// at run time under the hub name, with the app's identity (roles.bicep).
// Every client signs in with Microsoft Entra ID: shared keys and anonymous blob access are off.

import { storageNames } from 'names.bicep'

@description('Azure region.')
param location string

@description('Globally unique account name, 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param accountName string

@description('Replication. ZRS or GZRS is the better choice for production where the region offers it.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
  'Standard_RAGRS'
  'Standard_RAGZRS'
])
param skuName string

@description('Days a deleted blob or container can be restored (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Days a blob in the evidence and provider-documents containers cannot be changed or deleted after it is written (time-based WORM retention).')
@minValue(1)
@maxValue(146000)
param immutabilityPeriodDays int

@description('Browser origins allowed to upload evidence straight to Blob Storage with a SAS URL; none by default.')
param corsAllowedOrigins array

param tags object

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The host and the task hub (AzureWebJobsStorage__*), our app and the Flex deployment container all use the
    // managed identity.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    cors: {
      corsRules: empty(corsAllowedOrigins)
        ? []
        : [
            {
              allowedOrigins: corsAllowedOrigins
              allowedMethods: [
                'PUT'
                'OPTIONS'
              ]
              allowedHeaders: [
                'content-type'
                'x-ms-blob-type'
                'x-ms-version'
                'x-ms-client-request-id'
              ]
              exposedHeaders: [
                'x-ms-request-id'
                'etag'
              ]
              maxAgeInSeconds: 3600
            }
          ]
    }
  }
}

// Evidence and provider documents are kept unchanged as filed (write once, read many).
var wormContainerNames = [
  storageNames.containers.evidence
  storageNames.containers.providerDocuments
]

// The deployment package is overwritten by each deploy, so it cannot be write-once.
var plainContainerNames = [
  storageNames.containers.deployments
]

resource wormContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in wormContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

// Container-level time-based retention. It is created unlocked so an operator can check it first; locking it
// (az storage container immutability-policy lock) is irreversible and is a step in docs/DEPLOY.md.
resource wormPolicies 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = [
  for (name, i) in wormContainerNames: {
    parent: wormContainers[i]
    name: 'default'
    properties: {
      immutabilityPeriodSinceCreationInDays: immutabilityPeriodDays
      allowProtectedAppendWrites: false
    }
  }
]

resource plainContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for name in plainContainerNames: {
    parent: blobService
    name: name
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2024-01-01' = [
  for name in items(storageNames.tables): {
    parent: tableService
    name: name.value
  }
]

output accountName string = account.name
output accountId string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${storageNames.containers.deployments}'
