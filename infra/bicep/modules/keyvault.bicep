// Key Vault for the app's secrets (the SendGrid API key). Access is by Azure RBAC only, so the function app's
// identity needs the Key Vault Secrets User role (roles.bicep) to resolve its Key Vault reference.

@description('Azure region.')
param location string

@description('Globally unique vault name, 3-24 characters.')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Name of the secret that holds the SendGrid API key.')
param sendGridSecretName string

@description('SendGrid API key to store; empty leaves the secret to be set with az keyvault secret set (docs/DEPLOY.md).')
@secure()
param sendGridApiKey string

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionDays int

param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

output vaultName string = vault.name
output vaultId string = vault.id
// Versionless, so the app picks up a rotated key without a redeploy.
output sendGridSecretUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'
