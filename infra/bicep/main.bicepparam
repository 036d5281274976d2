// Example parameters for a production environment on the Flex Consumption plan (FC1).
// Copy per environment (e.g. prod-sby.bicepparam) and change environmentName and location; see docs/DEPLOY.md.
using 'main.bicep'

param environmentName = 'prod'
param location = 'indonesiacentral'
param hostingPlan = 'FC1'
param storageSku = 'Standard_ZRS'
param evidenceImmutabilityDays = 3650
param sendGridFromAddress = 'pengaduan@example.go.id'
param trackingBaseUrl = 'https://pengaduan.example.go.id/lacak/'
param uploadBaseUrl = 'https://pengaduan.example.go.id/unggah/'
param corsAllowedOrigins = []
param tags = {
  owner: 'ombudsman-it'
}
